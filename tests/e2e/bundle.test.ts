// The pages a browser downloads must not carry the hidden truth of Part 2 (GAME.md §9): the candidate's
// failure rates live in a server-only module. Read the built client files, as anyone could.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLIENT = join(import.meta.dirname, '..', '..', 'build', 'client');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the built pages', () => {
  it('carry no hidden truth of the candidate model', () => {
    const scripts = files(CLIENT).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    for (const file of scripts) {
      const text = readFileSync(file, 'utf8');
      // The keys of CANDIDATE_TRUTH (shared/sim/parts/part2/candidate.ts) survive minification.
      expect(text.includes('rateFactors') || text.includes('randomBad'), file).toBe(false);
    }
  });
});
