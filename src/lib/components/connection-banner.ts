// What the connection banner says: the phone's own network first (nothing else can work without it), then the
// server's link. Pure, so tests can check every combination.
import type { ConnectionStatus } from '../connection-status.js';

export type LinkMessage = { kind: 'device-offline' | 'unreachable' | 'connecting'; text: string };

/** The banner's message for a socket status and the browser's network state (`justBack`: it came back a moment
 *  ago), or null when all is well. */
export function linkMessage(status: ConnectionStatus, deviceOnline: boolean, justBack = false): LinkMessage | null {
  // A refused or closed connection has its own page; the banner would only repeat it.
  if (status === 'refused' || status === 'closed') return null;
  if (!deviceOnline) return { kind: 'device-offline', text: 'You are offline — check your Wi-Fi or mobile data. Reconnecting when you are back…' };
  // Right after the phone's network came back, the socket needs a moment: that is not the server's fault.
  if (status === 'offline' && justBack) return { kind: 'connecting', text: 'Back online — reconnecting…' };
  if (status === 'offline') return { kind: 'unreachable', text: 'Server unreachable — your phone is online; retrying…' };
  if (status === 'connecting') return { kind: 'connecting', text: 'Connecting…' };
  if (status === 'retrying') return { kind: 'connecting', text: 'The server is busy with your network right now — retrying…' };
  return null;
}
