// Names of the Socket.IO rooms an audience listens in. One broadcast per room: a team's view goes out once to
// its room, never once per player.
export const hostRoom = (code: string) => `${code}:host`;
export const screenRoom = (code: string) => `${code}:screen`;
export const teamRoom = (code: string, teamId: string) => `${code}:team:${teamId}`;
export const playerRoom = (code: string, playerId: string) => `${code}:player:${playerId}`;
