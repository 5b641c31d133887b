// One server per data folder. Two processes on one folder would each replay the games and then split them:
// actions acknowledged by one are unknown to the other. The lock is SQLite's own exclusive lock on a small lock
// file, which is a kernel lock (fcntl): it is released when the process ends, even by kill -9, so a stale
// lock never stops a restart, and a pid that the system has given to another process never looks like a server.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLocked extends Error {
  constructor(dir: string, file: string) {
    super(
      `Another Fleet Ops server is already using the data folder ${dir} (it holds ${file}). ` +
        'Stop that server first, or start this one with another DATA_DIR.',
    );
    this.name = 'DataDirLocked';
  }
}

export interface DataDirLock {
  file: string;
  release(): void;
}

/** Takes the data folder's lock for this process, or throws DataDirLocked when another process holds it. */
export function lockDataDir(dir: string, name = 'fleet-ops'): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.lock`);
  // No busy timeout: a held lock is an answer, not something to wait for.
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in EXCLUSIVE mode it is kept until the connection closes.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('DELETE FROM holder').run();
    db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DataDirLocked(dir, file);
    throw error;
  }
  return { file, release: () => db.close() };
}
