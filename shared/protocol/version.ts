/** Bumped whenever a message changes shape; a page built for another version is told to reload. 2: views as patches. */
export const PROTOCOL_VERSION = 2;
