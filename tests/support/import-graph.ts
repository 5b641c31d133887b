// The project's import graph as the source text spells it: relative imports and the $shared/$lib aliases,
// resolved to files. Packages and virtual modules are left out.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const ALIASES: Record<string, string> = { $shared: join(ROOT, 'shared'), $lib: join(ROOT, 'src/lib') };

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The project files a module imports (packages and virtual modules left out). */
export function importsOf(file: string): string[] {
  // Comment lines may quote an import; they import nothing.
  const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specs.flatMap((m) => {
    const spec = (m[1] ?? m[2])!;
    const alias = Object.keys(ALIASES).find((a) => spec === a || spec.startsWith(`${a}/`));
    const base = alias ? ALIASES[alias]! + spec.slice(alias.length) : spec.startsWith('.') ? resolve(dirname(file), spec) : null;
    if (base === null) return [];
    const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    return found ? [found] : [];
  });
}

