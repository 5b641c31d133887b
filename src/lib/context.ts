// Hands a page's connection down to its components, and closes it with the page.
import { getContext, onDestroy, setContext } from 'svelte';
import type { Role } from '$shared/protocol/intents.js';
import { GameConnection, type AuthFor } from './connection.svelte.js';

const KEY = Symbol('fleet-ops-connection');

/**
 * Opens a connection for the calling component, shares it with its children and disposes it on destroy.
 * `auth` is read once: a page that changes game code remounts the component (`{#key}`) to reconnect.
 */
export function openConnection<R extends Role>(auth: () => AuthFor<R>): GameConnection<R> {
  const connection = new GameConnection<R>(auth());
  setContext(KEY, connection);
  onDestroy(() => connection.dispose());
  return connection;
}

/** The connection opened by an ancestor component; R is the role that ancestor connected as. */
export function getConnection<R extends Role>(): GameConnection<R> {
  const connection = getContext<GameConnection<R> | undefined>(KEY);
  if (!connection) throw new Error('getConnection() needs an ancestor that called openConnection()');
  return connection;
}
