// Browsers send the page's Origin with the WebSocket upgrade; the server accepts only pages it knows are its
// own. The DNS-rebinding shape (Origin and Host both naming the attacker's domain) must be refused.
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Opens a guest connection with the given Origin (and Host) headers; resolves with what happened. */
function connectWith(url: string, headers: Record<string, string>): Promise<'connected' | 'refused'> {
  const socket = io(url, {
    auth: { role: 'guest', protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', () => {
      socket.disconnect();
      resolve('refused');
    });
  });
}

describe('the Origin check', () => {
  it('refuses a page of another site even when its Host header matches (DNS rebinding)', async () => {
    server = await startTestServer({ app: { allowedOrigins: ['https://fleet.example.edu'] } });
    const port = new URL(server.url).port;
    expect(await connectWith(server.url, { origin: `http://evil.example:${port}`, host: `evil.example:${port}` })).toBe('refused');
    expect(await connectWith(server.url, { origin: 'http://evil.example' })).toBe('refused');
    expect(await connectWith(server.url, { origin: 'null' })).toBe('refused');
    expect(await connectWith(server.url, { origin: 'http://localhost:1' })).toBe('refused');
  });

  it('admits the public URL, this machine on its port, the allowlist, and clients that send no Origin', async () => {
    server = await startTestServer({ app: { allowedOrigins: ['https://fleet.example.edu'] } });
    const port = new URL(server.url).port;
    expect(await connectWith(server.url, { origin: server.url })).toBe('connected');
    expect(await connectWith(server.url, { origin: `http://localhost:${port}` })).toBe('connected');
    expect(await connectWith(server.url, { origin: 'https://fleet.example.edu' })).toBe('connected');
    expect(await connectWith(server.url, {})).toBe('connected');
  });
});
