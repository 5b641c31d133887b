// The states of a page's live link (owned by GameConnection), in a plain module that tests load without Vite.
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused' | 'closed';
