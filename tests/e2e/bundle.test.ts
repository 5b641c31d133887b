// The pages a browser downloads must not carry a hidden truth (GAME.md §9): Part 2's candidate failure rates
// and Part 3's untrained metrics, retraining gains and lock answer live in server-only modules. Read the built
// client files, as anyone could.
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

  it('carry no hidden truth of the ensembles', () => {
    for (const file of files(CLIENT).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(file, 'utf8');
      // The keys of ENSEMBLE_TRUTH (shared/sim/parts/part3/truth.server.ts) survive minification.
      expect(text.includes('retrainGain') || text.includes('untrained:'), file).toBe(false);
    }
  });
});
