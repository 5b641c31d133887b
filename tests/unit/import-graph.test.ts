// Hidden truths are server-only by construction: they live in `*.server.ts` modules, which SvelteKit refuses to
// bundle into a page (its build fails with "Cannot import … into code that runs in the browser"). This test
// walks the pages' import graph the same way, so a page that reaches a hidden truth fails here in seconds; and
// no module of the project imports itself through a cycle.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, filesUnder, importsOf } from '../support/import-graph.js';

/** Every module reachable from the pages, with the chain that reaches it. */
function reachableFromPages(): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const queue = filesUnder(join(ROOT, 'src')).filter((f) => /\.(ts|svelte)$/.test(f));
  for (const file of queue) chains.set(file, [file]);
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of importsOf(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

describe('hidden truths stay on the server', () => {
  it('no page reaches a *.server.ts module through its imports', () => {
    const leaks = [...reachableFromPages()]
      .filter(([file]) => /\.server\.ts$/.test(file))
      .map(([, chain]) => chain.map((f) => relative(ROOT, f)).join(' → '));
    expect(leaks).toEqual([]);
  });

  it('the modules that hold hidden truths are named *.server.ts', () => {
    const sim = filesUnder(join(ROOT, 'shared/sim')).map((f) => relative(ROOT, f));
    expect(sim).toContain('shared/sim/parts/part2/candidate.server.ts');
    expect(sim).toContain('shared/sim/parts/part2/truth.server.ts');
    expect(sim).toContain('shared/sim/parts/part2/latency/truth.server.ts');
    expect(sim).toContain('shared/sim/parts/part2/slices/truth.server.ts');
    // The candidate's hidden rate factors and latency, and the skew's draws, appear nowhere else in the shared code.
    const elsewhere = sim.filter(
      (f) => !f.endsWith('.server.ts') && /rateFactors|CANDIDATE_LATENCY|drawSkewTruth/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(elsewhere).toEqual([]);
  });

  it('the walk would notice a page that imports a hidden truth', () => {
    const chain = importsOf(join(ROOT, 'shared/sim/parts/part2/views.ts')).map((f) => relative(ROOT, f));
    expect(chain).toContain('shared/sim/parts/part2/truth.server.ts');
    expect(chain).toContain('shared/sim/parts/part2/slices/truth.server.ts');
    expect(chain).toContain('shared/sim/parts/part2/latency/truth.server.ts');
  });
});

describe('the import graph', () => {
  it('has no cycle in shared/, server/ or src/', () => {
    const files = ['shared', 'server', 'src'].flatMap((dir) => filesUnder(join(ROOT, dir))).filter((f) => /\.(ts|svelte)$/.test(f));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of importsOf(file)) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
