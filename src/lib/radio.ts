// A radio checks itself before the server answers; a refused change must not leave it showing a choice that is
// not in force. The one way the consoles' radio groups send a choice and revert.

/** Sends the choice; when the server refuses it, puts radio group `name` back on the value in force then. */
export async function sendOrRevert(name: string, send: () => Promise<boolean>, inForce: () => string): Promise<void> {
  if (await send()) return;
  for (const radio of document.getElementsByName(name)) {
    if (radio instanceof HTMLInputElement) radio.checked = radio.value === inForce();
  }
}
