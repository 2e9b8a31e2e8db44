// The live invitation channel: tickets, GET /api/livekit/events (SSE) on a real port, the invitation that a room
// creation sends (on the real LiveKit server), the answer that stops the other tabs, and no leaked listener.
import { serve, type ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveKit, type LiveKitServer } from '../../scripts/kit/index.mjs';
import { MemoryInvitationBus } from '../src/invitations/bus.js';
import { createNotify } from '../src/invitations/setup.js';
import { EventTickets } from '../src/invitations/tickets.js';
import { createLogger } from '../src/logger.js';
import { MemoryRoomStore } from '../src/store/memory.js';
import { buildApp, call, testConfig, userToken, sfuConfig } from './helpers/app.js';
import { SseReader } from './helpers/sse.js';

let livekit: LiveKitServer;
let server: ServerType;
let base: string;
let app: ReturnType<typeof buildApp>['app'];
const bus = new MemoryInvitationBus();
let alice: string, bob: string, mallory: string;
let seq = 0;
const roomName = () => `ring-${Date.now().toString(36)}-${seq++}`;

beforeAll(async () => {
  livekit = await startLiveKit();
  const config = sfuConfig(livekit);
  ({ app } = buildApp(config, { notify: createNotify(config, createLogger('silent'), { bus, heartbeatMs: 200 }) }));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [alice, bob, mallory] = await Promise.all([userToken('alice', 'Alice Martin'), userToken('bob', 'Bob Dupont'), userToken('mallory')]);
});
afterAll(async () => {
  await bus.close();
  await new Promise((r) => server?.close(r));
  await livekit?.stop();
});

async function ticketFor(token: string): Promise<string> {
  const res = await call(app, 'POST', '/api/livekit/events/ticket', { token });
  expect(res.status).toBe(200);
  expect(res.json.expires_in).toBe(30);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return res.json.ticket;
}

/** Opens the events stream over a real socket, as EventSource does, and waits for `ready`. */
async function openStream(token: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/livekit/events?ticket=${encodeURIComponent(await ticketFor(token))}`, {
    headers: { accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = new SseReader(res);
  await reader.next((m) => m.event === 'ready');
  return { reader, close: () => controller.abort() };
}

async function until(check: () => boolean, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('events tickets and authentication', () => {
  it('a ticket needs the Urbania bearer token', async () => {
    const res = await call(app, 'POST', '/api/livekit/events/ticket');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
  });

  it.each([
    ['no ticket', ''],
    ['a forged ticket', '?ticket=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl'],
    ['garbage', '?ticket=nope'],
  ])('GET /events with %s: 401 JSON {error:{code,message}}, no stream', async (_, query) => {
    const res = await fetch(`${base}/api/livekit/events${query}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.message).toMatch(/ticket/);
  });

  it('the Urbania JWT itself is not accepted as a ticket, nor as a bearer on the stream', async () => {
    expect((await fetch(`${base}/api/livekit/events?ticket=${bob}`)).status).toBe(401);
    const res = await fetch(`${base}/api/livekit/events`, { headers: { authorization: `Bearer ${bob}` } });
    expect(res.status).toBe(401);
  });

  it('a ticket opens one stream only: the second use gets 401', async () => {
    const ticket = await ticketFor(bob);
    const first = await app.request(`/api/livekit/events?ticket=${ticket}`);
    expect(first.status).toBe(200);
    await first.body?.cancel();
    const again = await call(app, 'GET', `/api/livekit/events?ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(again.json.error).toEqual({ code: 'unauthorized', message: 'The events ticket was already used; ask for a new one' });
  });

  it('a ticket expires (EventTickets with a 1 s lifetime, used after 2 s)', async () => {
    const tickets = new EventTickets(randomBytes(32).toString('hex'), new MemoryRoomStore(), 1);
    const ticket = await tickets.issue({ id: 'bob', name: 'Bob' });
    await new Promise((r) => setTimeout(r, 2100));
    await expect(tickets.redeem(ticket)).rejects.toMatchObject({ status: 401, message: 'The events ticket has expired; ask for a new one' });
    // A ticket signed with another secret (another deployment) is refused too.
    const foreign = await new EventTickets(randomBytes(32).toString('hex'), new MemoryRoomStore()).issue({ id: 'bob', name: 'Bob' });
    await expect(tickets.redeem(foreign)).rejects.toMatchObject({ status: 401, message: 'The events ticket is invalid' });
  });
});

describe('GET /api/livekit/events', () => {
  it('rings the invited user on every open tab when a room lists them, not the creator nor others', async () => {
    const bobTab1 = await openStream(bob);
    const bobTab2 = await openStream(bob);
    const aliceTab = await openStream(alice);
    const malloryTab = await openStream(mallory);
    const name = roomName();
    const started = Date.now();
    const created = await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], call_type: 'audio' } });
    expect(created.status).toBe(201);
    const ring = await bobTab1.reader.next((m) => m.event === 'invitation');
    const latencyMs = Date.now() - started;
    expect(ring.data).toEqual({
      room_name: name,
      call_type: 'audio',
      from: { id: 'alice', name: 'Alice Martin' },
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await bobTab2.reader.next((m) => m.event === 'invitation')).data).toEqual(ring.data);
    console.info(`invitation on the stream ${latencyMs} ms after POST /rooms was sent`);
    // A retried create (same body) rings nobody again; the creator and a stranger never ring.
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], call_type: 'audio' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(bobTab1.reader.messages.filter((m) => m.event === 'invitation')).toHaveLength(1);
    expect(aliceTab.reader.messages.filter((m) => m.event === 'invitation')).toEqual([]);
    expect(malloryTab.reader.messages.filter((m) => m.event === 'invitation')).toEqual([]);
    for (const s of [bobTab1, bobTab2, aliceTab, malloryTab]) s.close();
  });

  it('sends heartbeat comments while idle', async () => {
    const s = await openStream(bob);
    await s.reader.next((m) => m.comment === 'heartbeat', 3000);
    s.close();
  });

  it('removes its listener when the client goes away (no leak)', async () => {
    await until(() => bus.subscriberCount() === 0, 'earlier streams released');
    const streams = await Promise.all([openStream(bob), openStream(bob), openStream(alice)]);
    expect(bus.subscriberCount('bob')).toBe(2);
    expect(bus.subscriberCount()).toBe(3);
    streams[0]!.close();
    await until(() => bus.subscriberCount('bob') === 1, 'first tab released');
    streams[1]!.close();
    streams[2]!.close();
    await until(() => bus.subscriberCount() === 0, 'all released');
  });

  it('ends the streams when the bus closes (service shutdown)', async () => {
    const own = new MemoryInvitationBus();
    const config = testConfig();
    const { app: other } = buildApp(config, { notify: createNotify(config, createLogger('silent'), { bus: own }) });
    const ticket = (await call(other, 'POST', '/api/livekit/events/ticket', { token: bob })).json.ticket;
    const res = await other.request(`/api/livekit/events?ticket=${ticket}`);
    const reader = new SseReader(res);
    await reader.next((m) => m.event === 'ready');
    expect(own.subscriberCount('bob')).toBe(1);
    await own.close();
    await reader.end();
    expect(own.subscriberCount()).toBe(0);
  });
});

describe('POST /api/livekit/invitations/{room_name}/answer', () => {
  it("declining on one tab tells the user's other tabs; a stranger cannot answer", async () => {
    const name = roomName();
    expect((await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'] } })).status).toBe(201);
    const other = await openStream(bob);
    const res = await call(app, 'POST', `/api/livekit/invitations/${name}/answer`, { token: bob, body: { answer: 'declined' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ room_name: name, answer: 'declined' });
    expect((await other.reader.next((m) => m.event === 'invitation_answered')).data).toEqual({ room_name: name, answer: 'declined' });
    other.close();

    const stranger = await call(app, 'POST', `/api/livekit/invitations/${name}/answer`, { token: mallory, body: { answer: 'accepted' } });
    expect([403, 404]).toContain(stranger.status);
    const bad = await call(app, 'POST', `/api/livekit/invitations/${name}/answer`, { token: bob, body: { answer: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_request');
  });
});
