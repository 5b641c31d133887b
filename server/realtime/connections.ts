// How many connections one client address may hold. A lecture hall behind one NAT is one address, so seated
// players are counted apart from anonymous connections (guests on the join page, screens), and a seat counts
// once however many sockets it has open. Connections are counted when they are made and released when they
// end: a handshake that is refused never holds anything, and an Engine.IO connection that never joins the
// namespace is counted too.

export interface ConnectionLimits {
  /** Guests (the join page, /host before a game exists) and screens open at once from one address. */
  anonymous: number;
  /** Seats (players and hosts) connected at once from one address. */
  seats: number;
  /** Sockets one seat may hold (a second tab, a reconnect before the old socket timed out); one more closes the oldest. */
  perSeat: number;
}

/**
 * A 2,000-player hall behind one NAT fits with room to spare: every phone on the join page at once is 2,000
 * anonymous connections, every phone seated is 2,000 seats. A flooder on one address is held to
 * anonymous + seats × perSeat Engine.IO connections (7,500: about 400 MB at ~55 KB a socket).
 */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { anonymous: 2_500, seats: 2_500, perSeat: 2 };

/** File descriptors the process needs besides its sockets: SQLite's files, the listener, stdio, the pages. */
export const FD_RESERVE = 64;

/** Engine.IO connections one address may hold: everything its namespace sockets may need. */
export function engineLimitOf(limits: ConnectionLimits): number {
  return limits.anonymous + limits.seats * limits.perSeat;
}

interface AddressCount {
  engine: number;
  anonymous: number;
  /** Open sockets per seat key (`CODE:host`, `CODE:player:ID`). */
  seats: Map<string, number>;
}

export class ConnectionBudget {
  readonly limits: ConnectionLimits;
  readonly #byAddress = new Map<string, AddressCount>();

  constructor(limits: ConnectionLimits) {
    this.limits = limits;
  }

  /** True when one more Engine.IO connection from this address fits (a check only: see engineOpened). */
  engineAvailable(address: string): boolean {
    return (this.#byAddress.get(address)?.engine ?? 0) < engineLimitOf(this.limits);
  }

  /** Counts an Engine.IO connection; false (and nothing counted) when the address holds as many as it may. */
  engineOpened(address: string): boolean {
    if (!this.engineAvailable(address)) return false;
    this.#count(address).engine += 1;
    return true;
  }

  engineClosed(address: string): void {
    const count = this.#byAddress.get(address);
    if (!count) return;
    count.engine = Math.max(0, count.engine - 1);
    this.#forgetIfEmpty(address, count);
  }

  /** Whether a namespace socket for `seat` (null: a guest or a screen) may connect from this address. */
  mayConnect(address: string, seat: string | null): boolean {
    const count = this.#byAddress.get(address);
    if (!count) return true;
    if (seat === null) return count.anonymous < this.limits.anonymous;
    return count.seats.has(seat) || count.seats.size < this.limits.seats;
  }

  /** Counts a namespace socket that connected (after its handshake was accepted). */
  connected(address: string, seat: string | null): void {
    const count = this.#count(address);
    if (seat === null) count.anonymous += 1;
    else count.seats.set(seat, (count.seats.get(seat) ?? 0) + 1);
  }

  disconnected(address: string, seat: string | null): void {
    const count = this.#byAddress.get(address);
    if (!count) return;
    if (seat === null) count.anonymous = Math.max(0, count.anonymous - 1);
    else {
      const left = (count.seats.get(seat) ?? 1) - 1;
      if (left > 0) count.seats.set(seat, left);
      else count.seats.delete(seat);
    }
    this.#forgetIfEmpty(address, count);
  }

  /** What one address holds now (for tests and /healthz). */
  of(address: string): { engine: number; anonymous: number; seats: number } {
    const count = this.#byAddress.get(address);
    return { engine: count?.engine ?? 0, anonymous: count?.anonymous ?? 0, seats: count?.seats.size ?? 0 };
  }

  #count(address: string): AddressCount {
    let count = this.#byAddress.get(address);
    if (!count) {
      count = { engine: 0, anonymous: 0, seats: new Map() };
      this.#byAddress.set(address, count);
    }
    return count;
  }

  #forgetIfEmpty(address: string, count: AddressCount): void {
    if (count.engine === 0 && count.anonymous === 0 && count.seats.size === 0) this.#byAddress.delete(address);
  }
}
