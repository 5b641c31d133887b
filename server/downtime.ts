// Part timers stand still while the server is down. The process notes that it is alive in the data folder
// every second; at the next start, every restored game whose part timer was running is paused as of that
// last moment and resumed at once, so a crash and restart costs a class the seconds of the restart's
// detection, not the outage. Both steps are ordinary logged actions (a replay gives the same timer).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Rooms } from './rooms/rooms.js';

/** How often the process notes that it is alive: a restart costs a running timer at most this much. */
export const HEARTBEAT_MS = 1000;

const FILE = 'alive-at';

/** When the last process on this data folder was last known alive (server ms), or null if never. */
export function lastAlive(dataDir: string): number | null {
  try {
    const at = Number(readFileSync(join(dataDir, FILE), 'utf8'));
    return Number.isFinite(at) && at > 0 ? at : null;
  } catch {
    return null;
  }
}

/** Notes the time now and every HEARTBEAT_MS; returns the function that stops it (noting the time once more). */
export function startHeartbeat(dataDir: string, clock: () => number = Date.now): () => void {
  const file = join(dataDir, FILE);
  // Written whole then renamed: a crash mid-write never leaves a torn number. A full disk only means the next
  // start takes the timer as it was logged (no worse than without this).
  const beatNow = () => {
    try {
      writeFileSync(`${file}.tmp`, String(clock()));
      renameSync(`${file}.tmp`, file);
    } catch {
      // see above
    }
  };
  // While serving, off the event loop: a busy disk must not delay an ack (the profile showed it could).
  let writing = false;
  const beat = () => {
    if (writing) return;
    writing = true;
    writeFile(`${file}.tmp`, String(clock()))
      .then(() => rename(`${file}.tmp`, file))
      .catch(() => {})
      .finally(() => (writing = false));
  };
  beatNow();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    beatNow();
  };
}

/** Pauses every restored running part timer at `downSince` and resumes it `now`: the outage is not counted. */
export function holdTimersThroughDowntime(rooms: Rooms, downSince: number, now: number, logger: Logger): number {
  let held = 0;
  for (const room of rooms.all()) {
    const { timer, paused } = room.state;
    if (!timer || paused || timer.expired || timer.runningSince === null) continue;
    const at = Math.min(now, Math.max(downSince, timer.runningSince));
    try {
      // The server acts for the host here: pause and resume are the host's actions in the rules.
      room.apply({ type: 'host/pause', by: { role: 'host' }, at });
      room.apply({ type: 'host/resume', by: { role: 'host' }, at: now });
      held += 1;
      logger.info({ code: room.code, downMs: now - at }, 'part timer held through the restart');
    } catch (error) {
      logger.warn({ code: room.code, err: error }, 'part timer could not be held through the restart');
    }
  }
  return held;
}
