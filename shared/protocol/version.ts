/** Bumped whenever a message changes shape; a page built for another version is told to reload. */
export const PROTOCOL_VERSION = 1;
