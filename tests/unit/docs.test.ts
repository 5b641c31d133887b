// The protocol page must name every intent and every error code, so that docs and code cannot drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/protocol/errors.js';
import { INTENT_NAMES } from '../../shared/protocol/intents.js';

const protocolDoc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');

describe('docs/protocol.md', () => {
  it.each(INTENT_NAMES)('documents the intent %s', (name) => {
    expect(protocolDoc).toContain(`\`${name}\``);
  });
  it.each(ERROR_CODES)('documents the error code %s', (code) => {
    expect(protocolDoc).toContain(`\`${code}\``);
  });
});
