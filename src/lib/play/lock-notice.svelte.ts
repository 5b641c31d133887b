// What a member is entering in the lock form, kept beyond the form: when a teammate's lock replaces the form
// (the page shows the locked prediction instead), the locked prediction compares it and says what happened.

export interface LockDraft {
  part: number;
  value: number | string | null;
}

export const lockDraft: { current: LockDraft | null } = $state({ current: null });
