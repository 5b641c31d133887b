// Which browser pages may open a connection. CORS does not cover WebSockets, so the server checks `Origin`
// itself, against origins it knows are its own: the configured public URL, this machine's addresses and
// localhost on the listening port, and an explicit allowlist. Comparing the Origin with the request's own
// Host header proves nothing: a DNS-rebinding page (evil.example resolving to the laptop) sends matching
// Origin and Host. A page's Origin is always its own, so an attacker's page can never claim localhost or an
// IP address of this machine.
import { networkInterfaces } from 'node:os';

let cache: { key: string; origins: ReadonlySet<string> } | null = null;

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The hosts that name this machine: localhost and every interface address. */
function ownHosts(): string[] {
  const hosts = ['localhost', '127.0.0.1', '[::1]'];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      hosts.push(address.family === 'IPv6' ? `[${address.address.split('%')[0]}]` : address.address);
    }
  }
  return hosts;
}

/** The origins allowed to connect: the public URL's, this machine's own on `port`, and `extra`. */
export function trustedOrigins(publicUrl: string, port: number | null, extra: readonly string[]): ReadonlySet<string> {
  // Interfaces come and go (a laptop changes Wi-Fi): the set is rebuilt at least once a minute.
  const key = `${publicUrl}|${port}|${extra.join(',')}|${Math.floor(Date.now() / 60_000)}`;
  if (cache?.key === key) return cache.origins;
  const origins = new Set<string>();
  for (const url of [publicUrl, ...extra]) {
    const origin = originOf(url);
    if (origin) origins.add(origin);
  }
  if (port !== null) {
    for (const host of ownHosts()) {
      for (const scheme of ['http', 'https']) {
        const origin = originOf(`${scheme}://${host}:${port}`);
        if (origin) origins.add(origin);
      }
    }
  }
  cache = { key, origins };
  return origins;
}

/** True when a request may connect: no Origin (not a browser), or an origin the server trusts. */
export function originAllowed(origin: string | undefined, trusted: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  return trusted.has(originOf(origin) ?? '');
}
