import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { MongoRoomStore } from '../src/store/mongo.js';
import { MongoQuestionStore } from '../src/store/questions-mongo.js';
import { buildApp, call, userToken, sfuConfig } from './helpers/app.js';
import { startFerretDB, startLiveKit, type FerretDB, type LiveKitServer } from '../../scripts/kit/index.mjs';

// Q&A endpoints through app.request(), on the real LiveKit server; on memory, and on FerretDB for concurrent votes.
let livekit: LiveKitServer;
let ferret: FerretDB;
let config: Config;
let app: ReturnType<typeof buildApp>['app'];
let alice: string, bob: string, carol: string, david: string, mallory: string;

beforeAll(async () => {
  [livekit, ferret] = await Promise.all([startLiveKit(), startFerretDB()]);
  config = sfuConfig(livekit);
  ({ app } = buildApp(config));
  [alice, bob, carol, david, mallory] = await Promise.all([
    userToken('alice', 'Alice Martin'), userToken('bob', 'Bob Dupont'), userToken('carol', 'Carole Lefèvre'), userToken('david', 'David'), userToken('mallory', 'Mallory'),
  ]);
});
afterAll(async () => {
  await livekit?.stop();
  await ferret?.cleanup();
});

let seq = 0;
const q = (room: string, rest = '') => `/api/livekit/rooms/${room}/questions${rest}`;

/** A webinar: alice hosts, bob speaks, carol and david are the audience. */
async function webinar(on = app) {
  const room_name = `qa-${Date.now().toString(36)}-${seq++}`;
  const res = await call(on, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name, participants: ['carol', 'david'], speakers: ['bob'] } });
  expect(res.status).toBe(201);
  return room_name;
}

describe('Q&A: /api/livekit/rooms/{room_name}/questions', () => {
  it('the audience asks; everyone lists by votes then time; one vote per user, toggled; `voted` is the caller’s', async () => {
    const room = await webinar();
    const first = await call(app, 'POST', q(room), { token: carol, body: { text: '  Quand sort la v2 ?  ' } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ text: 'Quand sort la v2 ?', author: { identity: 'carol', name: 'Carole Lefèvre' }, votes: 0, voted: false, answered: false });
    const second = await call(app, 'POST', q(room), { token: david, body: { text: 'Et le prix ?' } });
    expect((await call(app, 'GET', q(room), { token: alice })).json.questions.map((x: any) => x.text)).toEqual(['Quand sort la v2 ?', 'Et le prix ?']);

    const voted = await call(app, 'POST', q(room, `/${second.json.id}/vote`), { token: carol });
    expect(voted.json).toMatchObject({ votes: 1, voted: true });
    expect((await call(app, 'POST', q(room, `/${second.json.id}/vote`), { token: carol })).json.votes).toBe(1);
    await call(app, 'POST', q(room, `/${second.json.id}/vote`), { token: bob });
    const list = await call(app, 'GET', q(room), { token: alice });
    expect(list.json.questions.map((x: any) => [x.text, x.votes, x.voted])).toEqual([['Et le prix ?', 2, false], ['Quand sort la v2 ?', 0, false]]);
    expect((await call(app, 'GET', q(room), { token: bob })).json.questions[0].voted).toBe(true);

    const unvoted = await call(app, 'DELETE', q(room, `/${second.json.id}/vote`), { token: carol });
    expect(unvoted.json).toMatchObject({ votes: 1, voted: false });
    expect((await call(app, 'DELETE', q(room, `/${second.json.id}/vote`), { token: carol })).json.votes).toBe(1);
  });

  it('the host marks answered (403 for anyone else); the author or the host deletes (403 for others)', async () => {
    const room = await webinar();
    const asked = (await call(app, 'POST', q(room), { token: carol, body: { text: 'Q1' } })).json;
    const other = (await call(app, 'POST', q(room), { token: carol, body: { text: 'Q2' } })).json;
    for (const token of [bob, carol, david]) {
      const res = await call(app, 'POST', q(room, `/${asked.id}/answered`), { token });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    const answered = await call(app, 'POST', q(room, `/${asked.id}/answered`), { token: alice });
    expect(answered.json).toMatchObject({ id: asked.id, answered: true });

    expect((await call(app, 'DELETE', q(room, `/${asked.id}`), { token: david })).status).toBe(403);
    expect((await call(app, 'DELETE', q(room, `/${asked.id}`), { token: bob })).status).toBe(403);
    expect((await call(app, 'DELETE', q(room, `/${asked.id}`), { token: carol })).json).toEqual({ room_name: room, id: asked.id, deleted: true });
    expect((await call(app, 'DELETE', q(room, `/${other.id}`), { token: alice })).status).toBe(200);
    expect((await call(app, 'GET', q(room), { token: alice })).json.questions).toEqual([]);
  });

  it('404 for an unknown question, and room_not_found for an outsider or an unknown room (no existence oracle); 401 without a token', async () => {
    const room = await webinar();
    const asked = (await call(app, 'POST', q(room), { token: carol, body: { text: 'Q' } })).json;
    for (const [method, path] of [['POST', '/nope/vote'], ['DELETE', '/nope/vote'], ['POST', '/nope/answered'], ['DELETE', '/nope']] as const) {
      const res = await call(app, method, q(room, path), { token: alice });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
    for (const [method, path] of [['GET', ''], ['POST', ''], ['POST', `/${asked.id}/vote`], ['DELETE', `/${asked.id}`]] as const) {
      const body = method === 'POST' && path === '' ? { body: { text: 'x' } } : {};
      const outsider = await call(app, method, q(room, path), { token: mallory, ...body });
      expect(outsider.status, `${method} ${path}`).toBe(404);
      expect(outsider.json.error.code).toBe('room_not_found');
      expect((await call(app, method, q(room, path), body)).status).toBe(401);
    }
    expect((await call(app, 'GET', q('qa-never-created'), { token: alice })).json.error.code).toBe('room_not_found');
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 'x'.repeat(501) }, 'text'],
    [{ text: 'ok', author: 'alice' }, 'author'],
    [{}, 'text'],
  ])('400 invalid_request for %j', async (body, field) => {
    const room = await webinar();
    const res = await call(app, 'POST', q(room), { token: carol, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
    expect(res.json.error.message).toContain(field === 'author' ? 'author' : field);
  });

  it('400 for a malformed question id', async () => {
    const room = await webinar();
    expect((await call(app, 'POST', q(room, '/bad%20id/vote'), { token: carol })).status).toBe(400);
  });
});

describe('Q&A on MongoDB (FerretDB)', () => {
  it('concurrent votes through the API: the same user many times counts once, every user counts; survives a restart', async () => {
    const rooms = await MongoRoomStore.connect({ uri: ferret.uri, dbName: 'questions_app_test' });
    try {
      const mongoApp = buildApp(config, { store: rooms, questions: await MongoQuestionStore.open(rooms.db) }).app;
      const room = await webinar(mongoApp);
      const asked = (await call(mongoApp, 'POST', q(room), { token: carol, body: { text: 'Atomique ?' } })).json;
      const vote = (token: string) => call(mongoApp, 'POST', q(room, `/${asked.id}/vote`), { token });
      const results = await Promise.all([...Array(8).fill(david), alice, bob, carol].map(vote));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const restarted = buildApp(config, { store: rooms, questions: await MongoQuestionStore.open(rooms.db) }).app;
      const list = await call(restarted, 'GET', q(room), { token: david });
      expect(list.json.questions.map((x: any) => [x.votes, x.voted])).toEqual([[4, true]]);
    } finally {
      await rooms.close();
    }
  });
});
