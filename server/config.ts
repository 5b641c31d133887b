// Settings from the environment, with the defaults a classroom needs: one port, SQLite under ./data.
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './realtime/connections.js';
import { DEFAULT_ADDRESS_RATE_LIMITS, type AddressRateLimits } from './realtime/rate-limit.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** What phones open; by default this machine's LAN address. */
  publicUrl: string | null;
  logLevel: string;
  sqliteSync: 'normal' | 'full';
  /** Connections per client address (a lecture hall behind one NAT is one address). */
  connectionLimits: ConnectionLimits;
  /** Budgets per client address; only the join rate is a setting (a known lecture hall may raise it). */
  addressRateLimits: AddressRateLimits;
  allowedOrigins: string[];
  /** A lobby with nobody connected and no action for this long is closed, freeing its game slot. */
  lobbyIdleMs: number;
  /** Finished games older than this many days are deleted (at start and daily); 0 keeps them forever. */
  retentionDays: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return parsed;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    logLevel: env.LOG_LEVEL || 'info',
    sqliteSync: env.SQLITE_SYNC === 'full' ? 'full' : 'normal',
    connectionLimits: {
      ...DEFAULT_CONNECTION_LIMITS,
      seats: intFrom(env.MAX_SEATS_PER_ADDRESS, DEFAULT_CONNECTION_LIMITS.seats, 'MAX_SEATS_PER_ADDRESS'),
      anonymous: intFrom(env.MAX_GUESTS_PER_ADDRESS, DEFAULT_CONNECTION_LIMITS.anonymous, 'MAX_GUESTS_PER_ADDRESS'),
    },
    addressRateLimits: {
      ...DEFAULT_ADDRESS_RATE_LIMITS,
      joins: {
        ...DEFAULT_ADDRESS_RATE_LIMITS.joins,
        perSecond: intFrom(env.JOIN_RATE_PER_ADDRESS, DEFAULT_ADDRESS_RATE_LIMITS.joins.perSecond, 'JOIN_RATE_PER_ADDRESS'),
      },
    },
    // 0 keeps idle lobbies forever.
    lobbyIdleMs: intFrom(env.LOBBY_IDLE_MINUTES, 120, 'LOBBY_IDLE_MINUTES') * 60_000 || Number.POSITIVE_INFINITY,
    retentionDays: intFrom(env.GAME_RETENTION_DAYS, 30, 'GAME_RETENTION_DAYS'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

/** This machine's first non-internal IPv4 address: the one phones on the same network can reach. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

/** The base URL to print and to put in join links, for a server listening on `port`. */
export function publicUrlFor(config: ServerConfig, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? (lanAddress() ?? 'localhost') : config.host;
  return `http://${host}:${port}`;
}
