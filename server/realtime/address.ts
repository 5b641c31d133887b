// Who a connection comes from, for budgets: a class behind one NAT shares one address, and one device on IPv6
// may use a whole /64, so budgets are kept per IPv4 address and per IPv6 /64.
import { isIPv6 } from 'node:net';

/** The budget key of a remote address: the IPv4 address, or the IPv6 /64 prefix it belongs to. */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address (without a zone), each without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('%')[0]!.split('::') as [string, string?];
  const left = head === '' ? [] : head.split(':');
  const right = address.includes('::') && tail !== '' ? tail.split(':') : [];
  const missing = Math.max(0, 8 - left.length - right.length);
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((part) => part.replace(/^0+(?=.)/, '').toLowerCase());
}
