// What the lock form leaves behind when a teammate's lock replaces it: the form is gone by then (the page
// shows the locked prediction instead), so the note lives here until the locked prediction shows it.

export interface LockNotice {
  part: number;
  /** The locked value the note is about: it is shown only next to that lock. */
  value: number | string;
  text: string;
}

export const lockNotice: { current: LockNotice | null } = $state({ current: null });
