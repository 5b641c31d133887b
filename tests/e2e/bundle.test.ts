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

// Part 1's truth is each track's h (with the public cost model it gives N*): only the host's page may load it.
// What a page loads is its route's node with everything that node imports, statically or later on demand,
// plus the app's entry and the root layout, as Vite's manifest of the build lists them.
const OUTPUT = join(import.meta.dirname, '..', '..', '.svelte-kit', 'output', 'client');
const H_TABLE = /cloud-titan"?:1,"?edge-guardian"?:2,"?mobile-nomad"?:3,"?tiny-pioneer"?:4/;

interface ManifestEntry {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

function scriptsOfRoute(route: string): string[] {
  const manifest = JSON.parse(readFileSync(join(OUTPUT, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
  const nodeOf = (source: string) => {
    const key = Object.keys(manifest).find((k) => k.includes('/nodes/') && readFileSync(join(import.meta.dirname, '..', '..', k), 'utf8').includes(source));
    if (!key) throw new Error(`no node for ${source}`);
    return key;
  };
  const seen = new Set<string>();
  // The app's entry imports every route's node on demand: from it, only what it imports statically.
  const visit = (key: string, onDemand = true) => {
    if (seen.has(key)) return;
    seen.add(key);
    const entry = manifest[key]!;
    for (const next of [...(entry.imports ?? []), ...(onDemand ? (entry.dynamicImports ?? []) : [])]) visit(next);
  };
  visit(Object.keys(manifest).find((k) => k.endsWith('/app.js'))!, false);
  for (const root of [nodeOf('src/routes/+layout.svelte'), nodeOf(route)]) visit(root);
  return [...seen].map((key) => join(CLIENT, manifest[key]!.file));
}

describe('the pages of the phones and the projector', () => {
  it.each([['src/routes/play/[code]/+page.svelte'], ['src/routes/screen/[code]/+page.svelte'], ['src/routes/+page.svelte']])(
    '%s loads no track heterogeneity (Part 1’s truth)',
    (route) => {
      const scripts = scriptsOfRoute(route);
      expect(scripts.length).toBeGreaterThan(3);
      for (const file of scripts) expect(H_TABLE.test(readFileSync(file, 'utf8')), file).toBe(false);
    },
  );

  it('the host’s page does (its N* preview), so the check can see the table', () => {
    expect(scriptsOfRoute('src/routes/host/[code]/+page.svelte').some((file) => H_TABLE.test(readFileSync(file, 'utf8')))).toBe(true);
  });
});
