// `npm start` runs this before the server: the pages are built only when their sources changed since the last
// build (a hash of the sources is stamped next to build/), so a restart after a crash serves again in
// seconds instead of waiting ~50 s for Vite. `npm run build` always builds, then stamps (`--stamp`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
/** What the pages are built from: their code, the shared core they import, the build's configuration. */
const SOURCES = ['src', 'shared', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];
export const STAMP = join(ROOT, 'build', '.sources-hash');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** A hash of every source file's path and contents (about 0.1 s: no need to trust modification times). */
export function sourcesHash(root = ROOT): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesUnder(join(root, source)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether build/ holds the pages of these exact sources. */
export function buildIsFresh(hash: string): boolean {
  return existsSync(join(ROOT, 'build', 'handler.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash;
}

/** Runs `npm run build` (which stamps what it built); exits the process if the build fails. */
export function build(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const hash = sourcesHash();
  if (process.argv.includes('--stamp')) {
    // `npm run build` just built the pages: note what from.
    writeFileSync(STAMP, `${hash}\n`);
  } else if (buildIsFresh(hash)) {
    process.stdout.write('The pages are up to date with their sources: not rebuilding.\n');
  } else {
    process.stdout.write('Building the pages (their sources changed since the last build)…\n');
    build();
  }
}
