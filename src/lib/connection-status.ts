// The states of a page's live link (owned by GameConnection), in a plain module that tests load without Vite.
/** `retrying`: the server refused the connection for now (too many from this network, or too fast); the page retries. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'retrying' | 'refused' | 'closed';
