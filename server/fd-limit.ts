// Every connected phone holds one file descriptor (two while it joins), so the process's open-file limit caps
// a class: with `ulimit -n 256`, 104 of 300 phones failed. Node cannot read the limit through an API (there is
// no process.getrlimit in Node 20) nor raise it without native code, so the server reads it from
// /proc/self/limits on Linux and warns when it is below what the connection limits allow.
import { readFileSync } from 'node:fs';

export interface OpenFileLimit {
  soft: number;
  hard: number;
}

/** The process's open-file limit, or null where it cannot be read (not Linux). */
export function readOpenFileLimit(limitsFile = '/proc/self/limits'): OpenFileLimit | null {
  let text: string;
  try {
    text = readFileSync(limitsFile, 'utf8');
  } catch {
    return null;
  }
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(text);
  if (!match) return null;
  const value = (field: string) => (field === 'unlimited' ? Number.POSITIVE_INFINITY : Number(field));
  return { soft: value(match[1]!), hard: value(match[2]!) };
}

/**
 * A warning for people when the soft limit is below `needed` descriptors (sockets plus `reserve` for the
 * database and the server), or null when it is enough.
 */
export function openFileWarning(limit: OpenFileLimit, needed: number, reserve: number): string | null {
  if (limit.soft >= needed) return null;
  const phones = Math.max(0, limit.soft - reserve);
  const target = Math.ceil(needed / 1024) * 1024;
  const raise =
    limit.hard >= target
      ? `run \`ulimit -n ${target}\` in the shell that starts the server (no root needed: the hard limit here is ${limit.hard})`
      : `raise the hard limit (it is ${limit.hard}) as root, e.g. in /etc/security/limits.conf, then \`ulimit -n ${target}\``;
  return [
    `The open-file limit of this process is ${limit.soft}: about ${phones} phones can be connected at once,`,
    `and more fail to connect at random. The connection limits allow ${needed - reserve} connections from one`,
    `address (a lecture hall behind one NAT). Before a large class, ${raise},`,
    `or set LimitNOFILE=${target} in the systemd unit. Node cannot raise the limit by itself. See README.md.`,
  ].join('\n');
}
