import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAND_ATTRIBUTE } from '../src/hands.js';
import { LOBBY_TOPIC } from '../src/lobby.js';
import { ROOM_TOPIC } from '../src/room-roles.js';
import { startLiveKit, type LiveKitServer } from '../../scripts/kit/index.mjs';
import { buildApp, call, sfuConfig, uniqueName, userToken } from './helpers/app.js';
import { BrowserParticipant, type ParticipantBrowser, type ReceivedData } from './helpers/browser-participant.js';
import { SignalClient } from './helpers/signal-client.js';
import { until as waitUntil } from './helpers/until.js';

// Several hosts, live, on the real LiveKit server: a co-host's livekit-client (in Chromium, over WebRTC) hears the
// waiting room's knocks and admits; a co-host change and a promote reach the call at once (permissions applied by the
// SFU, `urbania.room` {"type":"roles"} from the server to everyone), and a promote lowers the hand.
let livekit: LiveKitServer;
let browser: ParticipantBrowser;
let app: ReturnType<typeof buildApp>['app'];
let roomService: RoomServiceClient;
const tokens: Record<string, string> = {};
const closers: Array<() => unknown> = [];

beforeAll(async () => {
  [livekit, browser] = await Promise.all([startLiveKit(), BrowserParticipant.launch()]);
  ({ app } = buildApp(sfuConfig(livekit)));
  roomService = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  for (const id of ['alice', 'bob', 'carol', 'dave', 'mallory']) tokens[id] = await userToken(id, id[0]!.toUpperCase() + id.slice(1));
}, 120_000);
afterAll(async () => {
  for (const close of closers) await close();
  await browser?.close();
  await livekit?.stop();
});

const as = (who: string, method: string, path: string, body?: unknown) =>
  call(app, method, `/api/livekit${path}`, { token: tokens[who]!, ...(body !== undefined && { body }) });

async function createRoom(body: Record<string, unknown>) {
  const room_name = uniqueName('cohost-live');
  expect((await as('alice', 'POST', '/rooms', { room_name, ...body })).status).toBe(201);
  return room_name;
}

async function joinToken(room: string, who: string, body?: unknown): Promise<string> {
  const join = await as(who, 'POST', `/rooms/${room}/join`, body);
  expect(join.status).toBe(200);
  return join.json.token;
}

async function inBrowser(room: string, who: string): Promise<BrowserParticipant> {
  const participant = await BrowserParticipant.connect(browser, livekit.wsUrl, await joinToken(room, who));
  closers.push(() => participant.close());
  return participant;
}

async function signalling(room: string, who: string) {
  const connected = await SignalClient.connect(livekit.wsUrl, await joinToken(room, who));
  closers.push(() => connected.client.close());
  return connected;
}

const until = <T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> => waitUntil(fn, ok, timeoutMs);

const fromServer = (topic: string) => (p: ReceivedData) => p.topic === topic && p.from === null;
const rolesPackets = (packets: ReceivedData[]) => packets.filter(fromServer(ROOM_TOPIC));
const tracksOf = async (room: string, identity: string) => (await roomService.getParticipant(room, identity)).tracks;

describe('several hosts, live on the SFU', () => {
  it('a co-host in the call hears a knock on the lobby topic (server packet) and admits the guest, who gets a token the SFU accepts', async () => {
    const room = await createRoom({ co_hosts: ['bob'], waiting_room: true });
    const invite = (await as('bob', 'POST', `/rooms/${room}/invites`, { role: 'participant' })).json.invite;
    const bob = await inBrowser(room, 'bob');

    expect((await as('mallory', 'POST', `/rooms/${room}/join`, { invite, username: 'Mallory' })).status).toBe(202);
    const packets = await bob.waitForData((p) => p.some(fromServer(LOBBY_TOPIC)));
    const knock = JSON.parse(packets.find(fromServer(LOBBY_TOPIC))!.text);
    expect(knock).toMatchObject({ type: 'knock', identity: 'mallory', name: 'Mallory' });

    expect((await as('bob', 'POST', `/rooms/${room}/knocks/mallory/admit`)).json).toEqual({ identity: 'mallory', status: 'admitted' });
    const decided = await bob.waitForData((p) => p.filter(fromServer(LOBBY_TOPIC)).length >= 2);
    expect(JSON.parse(decided.filter(fromServer(LOBBY_TOPIC))[1]!.text)).toEqual({ type: 'decided', identity: 'mallory', status: 'admitted' });
    const mallory = await signalling(room, 'mallory');
    expect(mallory.join.participant?.identity).toBe('mallory');
    expect((await roomService.listParticipants(room)).map((p) => p.identity).sort()).toEqual(['bob', 'mallory']);
  });

  it('webinar: an audience member made co-host publishes without rejoining (and the room hears of it); a co-host mutes her; removed as co-host she is audience again and the SFU stops her track', async () => {
    const room = await createRoom({ speakers: ['bob'], participants: ['carol'], co_hosts: ['bob'] });
    const carol = await inBrowser(room, 'carol');
    const bob = await inBrowser(room, 'bob');
    expect(await carol.canPublish()).toBe(false);
    expect(await carol.publishMicrophone()).not.toBe('published');

    const made = await as('alice', 'PUT', `/rooms/${room}/co-hosts/carol`);
    expect([made.status, made.json.co_hosts]).toEqual([200, ['bob', 'carol']]);
    // Everyone in the call hears that roles changed, from the server (no sending participant).
    expect(rolesPackets(await bob.waitForData((p) => rolesPackets(p).length >= 1))).toHaveLength(1);
    expect(JSON.parse(rolesPackets(await carol.waitForData((p) => rolesPackets(p).length >= 1))[0]!.text)).toEqual({ type: 'roles' });
    expect(await until(() => carol.canPublish(), (v) => v === true)).toBe(true);
    expect(await carol.publishMicrophone()).toBe('published');
    const mic = await until(() => tracksOf(room, 'carol'), (t) => t.some((x) => x.source === TrackSource.MICROPHONE));
    expect(mic.map((t) => t.source)).toEqual([TrackSource.MICROPHONE]);

    // Bob, a co-host, mutes her microphone on the SFU.
    expect((await as('bob', 'POST', `/rooms/${room}/participants/carol/mute`, { source: 'microphone' })).status).toBe(200);
    expect((await until(() => tracksOf(room, 'carol'), (t) => t[0]?.muted === true))[0]?.muted).toBe(true);

    const removed = await as('alice', 'DELETE', `/rooms/${room}/co-hosts/carol`);
    expect([removed.status, removed.json.co_hosts]).toEqual([200, ['bob']]);
    expect(rolesPackets(await bob.waitForData((p) => rolesPackets(p).length >= 2))).toHaveLength(2);
    expect(await until(() => carol.canPublish(), (v) => v === false)).toBe(false);
    expect(await until(() => tracksOf(room, 'carol'), (t) => t.length === 0)).toEqual([]);
    expect((await as('carol', 'POST', `/rooms/${room}/join`)).json.permissions.role).toBe('audience');
  });

  it('a co-host promotes an audience member whose hand is up: the hand goes down on the SFU, they may publish, the room hears that roles changed', async () => {
    const room = await createRoom({ speakers: ['bob'], participants: ['dave'], co_hosts: ['bob'] });
    const bob = await inBrowser(room, 'bob');
    const dave = await signalling(room, 'dave');
    expect(await dave.client.updateOwn({ attributes: { [HAND_ATTRIBUTE]: new Date().toISOString() } })).toBe('ok');
    await until(() => roomService.getParticipant(room, 'dave'), (p) => Boolean(p.attributes[HAND_ATTRIBUTE]));
    expect((await roomService.getParticipant(room, 'dave')).attributes[HAND_ATTRIBUTE]).toBeTruthy();

    const promoted = await as('bob', 'POST', `/rooms/${room}/participants/dave/promote`);
    expect(promoted.json).toEqual({ room_name: room, identity: 'dave', role: 'speaker', live: true });
    const after = await until(() => roomService.getParticipant(room, 'dave'), (p) => !p.attributes[HAND_ATTRIBUTE]);
    expect(after.attributes[HAND_ATTRIBUTE]).toBeUndefined();
    expect(after.permission?.canPublish).toBe(true);
    expect(await dave.client.requestPublish('microphone')).toBe('published');
    expect(rolesPackets(await bob.waitForData((p) => rolesPackets(p).length >= 1))).toHaveLength(1);

    const demoted = await as('bob', 'POST', `/rooms/${room}/participants/dave/demote`);
    expect(demoted.json.role).toBe('audience');
    expect(rolesPackets(await bob.waitForData((p) => rolesPackets(p).length >= 2))).toHaveLength(2);
  });
});
