// The baseline of the socket bench (tests/bench/sockets.ts): a bare Socket.IO server that does the same work
// as Fleet Ops with the least a server can send. A join is acked and announced to the room as one small
// roster delta; a phone that connects gets the roster once; a decision is one small broadcast; an intent is
// acked and its result broadcast to the sender's team. No game, no validation, no storage, no views.
// Run as a child process; prints "Listening on HOST:PORT" like server/index.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const TEAMS = 40;
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, perMessageDeflate: false, maxHttpBufferSize: 64 * 1024 });

interface Member {
  id: string;
  nickname: string;
  teamId: string;
}
const roster: Member[] = [];
const byToken = new Map<string, Member>();
let version = 0;

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as { role?: string; token?: string };
  if (auth.role === 'player' && auth.token) {
    const member = byToken.get(auth.token);
    if (!member) return void socket.disconnect(true);
    void socket.join(['game', `team:${member.teamId}`]);
    socket.emit('roster', { version, members: roster });
    socket.on('intent', (payload: { value: number }, ack: (result: unknown) => void) => {
      version += 1;
      ack({ ok: true });
      io.to(`team:${member.teamId}`).emit('proposal', { version, by: member.id, value: payload.value });
    });
    return;
  }
  if (auth.role === 'host') {
    void socket.join('game');
    socket.emit('roster', { version, members: roster });
    socket.on('decision', (payload: { locked: boolean }, ack: (result: unknown) => void) => {
      version += 1;
      ack({ ok: true });
      io.to('game').emit('decided', { version, roomLocked: payload.locked });
    });
    return;
  }
  socket.on('join', (payload: { nickname: string; seatToken: string }, ack: (result: unknown) => void) => {
    version += 1;
    const member = { id: `p${roster.length + 1}`, nickname: payload.nickname, teamId: `t${(roster.length % TEAMS) + 1}` };
    roster.push(member);
    byToken.set(payload.seatToken, member);
    ack({ ok: true, playerId: member.id });
    io.to('game').emit('joined', { version, member });
  });
});

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.stdout.write(`Listening on 127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
