// Views travel as patches: the server keeps the last view it sent each audience and sends the difference to the
// next one; pages apply it to the view they hold. The diff knows nothing of what a view contains (any JSON
// goes), so new view fields need no change here. Arrays are diffed by their common head and tail, so a
// player joining a roster is one splice and a dashboard series that grows (or slides by a few points) sends
// only its newest points, not its history.

/** A key or an array index on the way from a view's root to a value. */
export type PatchPath = (string | number)[];

/**
 * One change: set a value (`s`, adding the key if new), delete a key (`d`), or splice an array (`a`: at
 * `start`, remove `remove` items and insert `items`). Short tags: a patch to a thousand phones is small.
 */
export type PatchOp =
  | ['s', PatchPath, unknown]
  | ['d', PatchPath]
  | ['a', PatchPath, number, number, unknown[]];

/** How far a sliding series may have moved (points dropped from its head) for the diff to see the slide. */
const MAX_SLIDE = 16;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality of two JSON values (a key whose value is undefined counts as absent, as in JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    let count = 0;
    for (const key in a) {
      if (a[key] === undefined) continue;
      count += 1;
      if (!jsonEqual(a[key], b[key])) return false;
    }
    for (const key in b) if (b[key] !== undefined) count -= 1;
    return count === 0;
  }
  // Numbers, strings, booleans and null: JSON has no NaN, so === is enough (undefined stands for absent).
  return false;
}

/** The operations that turn `from` into `to` (both JSON values with the same kind of root). */
export function diff(from: unknown, to: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  diffInto(from, to, [], ops);
  return ops;
}

function diffInto(a: unknown, b: unknown, path: PatchPath, ops: PatchOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b, path, ops);
  if (isObject(a) && isObject(b)) {
    for (const key in b) {
      const next = b[key];
      if (next === undefined) continue;
      if (a[key] === undefined) ops.push(['s', [...path, key], next]);
      else diffInto(a[key], next, [...path, key], ops);
    }
    for (const key in a) if (a[key] !== undefined && b[key] === undefined) ops.push(['d', [...path, key]]);
    return;
  }
  if (!jsonEqual(a, b)) ops.push(['s', path, b]);
}

function diffArrays(a: unknown[], b: unknown[], path: PatchPath, ops: PatchOp[]): void {
  // A series that slid: its first points dropped, new ones appended.
  const slide = slideOf(a, b);
  if (slide > 0) {
    ops.push(['a', path, 0, slide, []]);
    const kept = a.length - slide;
    if (b.length > kept) ops.push(['a', path, kept, 0, b.slice(kept)]);
    return;
  }
  let head = 0;
  const shorter = Math.min(a.length, b.length);
  while (head < shorter && jsonEqual(a[head], b[head])) head += 1;
  let tail = 0;
  while (tail < shorter - head && jsonEqual(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail += 1;
  const oldMiddle = a.length - head - tail;
  const newMiddle = b.length - head - tail;
  const paired = Math.min(oldMiddle, newMiddle);
  // Items in the same place change in place (a member going offline is one small op, not a new roster).
  for (let i = head; i < head + paired; i++) diffInto(a[i], b[i], [...path, i], ops);
  if (newMiddle > paired) ops.push(['a', path, head + paired, 0, b.slice(head + paired, head + newMiddle)]);
  else if (oldMiddle > paired) ops.push(['a', path, head + paired, oldMiddle - paired, []]);
}

/** How many leading items of `a` were dropped so that the rest of `a` starts `b`; 0 when that is not the case. */
function slideOf(a: unknown[], b: unknown[]): number {
  if (a.length === 0 || b.length === 0 || jsonEqual(a[0], b[0])) return 0;
  const limit = Math.min(MAX_SLIDE, a.length - 1);
  for (let drop = 1; drop <= limit; drop++) {
    const kept = a.length - drop;
    if (kept > b.length || !jsonEqual(a[drop], b[0])) continue;
    let same = true;
    for (let i = 1; i < kept && same; i++) same = jsonEqual(a[drop + i], b[i]);
    if (same) return drop;
  }
  return 0;
}

/**
 * Applies operations to a document in place and returns it (a root `s` replaces the whole document). Throws
 * on a path that does not fit the document: the caller then asks for a full view.
 */
export function applyPatch<T>(document: T, ops: readonly PatchOp[]): T {
  let root: unknown = document;
  for (const op of ops) {
    const path = op[1];
    if (path.length === 0) {
      if (op[0] !== 's') throw new Error('patch: only a set may replace the root');
      root = op[2];
      continue;
    }
    const parent = walk(root, path.slice(0, -1));
    const last = path[path.length - 1]!;
    switch (op[0]) {
      case 's':
        if (Array.isArray(parent)) {
          if (typeof last !== 'number' || last < 0 || last >= parent.length) throw new Error('patch: index out of range');
          parent[last] = op[2];
        } else (parent as Json)[last] = op[2];
        break;
      case 'd':
        if (Array.isArray(parent)) throw new Error('patch: delete inside an array');
        delete (parent as Json)[last];
        break;
      case 'a': {
        const target = (parent as Json)[last];
        if (!Array.isArray(target)) throw new Error('patch: splice of a non-array');
        const [, , start, remove, items] = op;
        if (start < 0 || start + remove > target.length) throw new Error('patch: splice out of range');
        target.splice(start, remove, ...items);
        break;
      }
    }
  }
  return root as T;
}

function walk(root: unknown, path: PatchPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) throw new Error(`patch: no value at ${path.join('/')}`);
    node = (node as Json)[key as string];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`patch: no container at ${path.join('/')}`);
  return node;
}
