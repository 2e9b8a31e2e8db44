// Fault test: the database goes away while requests flow, then comes back.
// Meanwhile requests get 503 with Retry-After (fast, never a 500); afterwards the service recovers by
// itself (same store object, same app, no restart) and every write it acknowledged is still there.
//
// The database is FerretDB started by this file; the SFU is a fake that always works, so the only
// failure in play is the database's.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DependencyUnavailableError, RETRY_AFTER_SECONDS } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import type { RoomRecord } from '../src/model.js';
import { AcceptingSfu } from './helpers/accepting-sfu.js';
import { sampleRoom } from '../src/store/contract.js';
import { READINESS_CACHE_MS } from '../src/routes/health.js';
import { MongoRoomStore } from '../src/store/mongo.js';
import { startFerretDB, type FerretDB } from '../../scripts/kit/index.mjs';

const JWT_SECRET = randomBytes(24).toString('hex');
// How long a single request may take while the database is down: server selection gives up after 1.5 s
// and a request makes at most two store calls before it fails.
const MAX_OUTAGE_LATENCY_MS = 4_000;

let ferret: FerretDB;

beforeAll(async () => {
  ferret = await startFerretDB();
});

afterAll(async () => {
  await ferret?.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function room(roomName: string, createdBy: string, minutes = 0): RoomRecord {
  return sampleRoom(roomName, { participants: [createdBy], createdBy, createdByName: createdBy, openToLink: true }, minutes);
}

/** Polls until `fn` resolves; returns how long that took. */
async function waitUntilWorks(fn: () => Promise<unknown>, timeoutMs = 15_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await fn();
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await sleep(100);
    }
  }
}

describe('MongoRoomStore while the database is down', () => {
  it('rejects every call quickly with DependencyUnavailableError and recovers by itself with all data', async () => {
    const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName: 'fault_store' });
    try {
      const written: string[] = [];
      for (let i = 0; i < 20; i++) {
        await store.createRoom(room(`before-${i}`, `user-${i % 4}`, i));
        written.push(`before-${i}`);
      }
      await store.setPresence('before-0', { identity: 'user-0', name: 'U0' }, true, 1000);
      await store.markEventProcessed('EV_before');

      // A crash while the pool is idle.
      await ferret.stop('SIGKILL');

      const calls: Array<[string, () => Promise<unknown>]> = [
        ['getRoom', () => store.getRoom('before-1')],
        ['createRoom', () => store.createRoom(room('during', 'user-0'))],
        ['listRoomsForUser', () => store.listRoomsForUser('user-1')],
        ['addParticipant', () => store.addParticipant('before-2', 'guest')],
        ['setPresence', () => store.setPresence('before-0', { identity: 'user-1', name: 'U1' }, true, 2000)],
        ['clearPresence', () => store.clearPresence('before-0', 3000)],
        ['listPresence', () => store.listPresence('before-0')],
        ['markEventProcessed', () => store.markEventProcessed('EV_during')],
        ['ping', () => store.ping()],
      ];
      const latencies: number[] = [];
      const expectUnavailable = async (name: string, call: () => Promise<unknown>) => {
        const started = Date.now();
        const error = await call().then(
          () => new Error(`${name} succeeded while the database was down`),
          (e: unknown) => e,
        );
        const ms = Date.now() - started;
        latencies.push(ms);
        expect(error, name).toBeInstanceOf(DependencyUnavailableError);
        expect((error as DependencyUnavailableError).dependency).toBe('store');
        expect(ms, `${name} latency`).toBeLessThan(MAX_OUTAGE_LATENCY_MS);
        return error as DependencyUnavailableError;
      };
      // The first call alone. Depending on whether the driver has processed the closed sockets yet, it
      // writes to the idle pooled connection (the driver 7.9 then throws a raw EPIPE, seen in about half
      // of the runs) or finds the server already marked down.
      await expectUnavailable('getRoom (first call after the crash)', () => store.getRoom('before-1'));
      // Then everything at once, twice (new connections are refused now).
      for (const _round of [1, 2]) {
        await Promise.all(calls.map(([name, call]) => expectUnavailable(name, call)));
      }

      await ferret.restart();
      // The same store object: the driver finds the server again without being told.
      const recoveryMs = await waitUntilWorks(() => store.ping());
      expect(recoveryMs).toBeLessThan(10_000);

      for (const name of written) expect(await store.getRoom(name), name).not.toBeNull();
      expect((await store.listRoomsForUser('user-1')).map((r) => r.roomName)).toEqual([
        'before-17',
        'before-13',
        'before-9',
        'before-5',
        'before-1',
      ]);
      expect(await store.listPresence('before-0')).toEqual([{ identity: 'user-0', name: 'U0' }]);
      expect(await store.markEventProcessed('EV_before')).toBe(false);
      // Nothing attempted during the outage was half-applied.
      expect(await store.getRoom('during')).toBeNull();
      expect((await store.getRoom('before-2'))!.participants).toEqual(['user-2']);
      expect(await store.markEventProcessed('EV_during')).toBe(true);
      // And it takes writes again.
      await store.createRoom(room('after', 'user-0'));
      expect(await store.getRoom('after')).not.toBeNull();
      console.info(
        `[mongo-fault] store calls during the outage: max ${Math.max(...latencies)} ms; recovered ${recoveryMs} ms after the restart`,
      );
    } finally {
      await store.close();
    }
  });
});

describe('MongoRoomStore while the database hangs', () => {
  it('gives up within the per-call deadline and carries on once the server answers again', async () => {
    const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName: 'fault_hung' });
    try {
      await store.createRoom(room('hung-before', 'user-0'));
      await ferret.pause(); // SIGSTOP: connections stay open, nothing answers
      const deadlineMs = 3_000;
      const results = await Promise.all(
        (
          [
            ['getRoom', () => store.getRoom('hung-before')],
            ['createRoom', () => store.createRoom(room('hung-during', 'user-0'))],
            ['setPresence', () => store.setPresence('hung-before', { identity: 'user-0', name: 'U0' }, true, 1000)],
            ['ping', () => store.ping()],
          ] as const
        ).map(async ([name, call]) => {
          const started = Date.now();
          const error = await (call as () => Promise<unknown>)().then(() => undefined, (e: unknown) => e);
          return { name, error, ms: Date.now() - started };
        }),
      );
      for (const { name, error, ms } of results) {
        expect(error, `${name} answered ${ms} ms after the server was frozen`).toBeInstanceOf(DependencyUnavailableError);
        expect(ms, name).toBeLessThan(deadlineMs + 2_000);
      }
      ferret.resume();
      const recoveryMs = await waitUntilWorks(() => store.ping());
      expect(await store.getRoom('hung-before')).not.toBeNull();
      console.info(
        `[mongo-fault] hung server: calls failed after ${Math.max(...results.map((r) => r.ms))} ms; recovered ${recoveryMs} ms after SIGCONT`,
      );
      // A write cut off by the deadline may still have been applied once the server woke up: it was not
      // acknowledged, so either outcome is allowed; what matters is that the store works again.
      await store.createRoom(room('hung-after', 'user-0'));
    } finally {
      ferret.resume();
      await store.close();
    }
  });
});

// -------------------------------------------------------------------------------------------------------
// Through the app: requests keep flowing while the database crashes and comes back.

interface Outcome {
  kind: 'create' | 'join' | 'get';
  phase: 'before' | 'outage' | 'after';
  status: number;
  startedAt: number;
  ms: number;
}

describe('the service while the database crashes and restarts', () => {
  it('answers 503 with Retry-After during the outage, recovers by itself, and loses no acknowledged write', async () => {
    const config = loadConfig({
      NODE_ENV: 'development',
      LIVEKIT_API_KEY: 'faultkey',
      LIVEKIT_API_SECRET: randomBytes(24).toString('hex'),
      AUTH_JWT_SECRET: JWT_SECRET,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
      MONGODB_URI: ferret.uri,
      MONGODB_DB: 'fault_app',
    });
    const store = await MongoRoomStore.connect({ uri: config.mongodb!.uri, dbName: config.mongodb!.dbName });
    const app = createApp({ config, store, sfu: new AcceptingSfu(), logger: createLogger('silent') });
    const secret = new TextEncoder().encode(config.auth.jwtSecret);
    const tokenFor = (id: string) =>
      new SignJWT({ name: `User ${id}` })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(id)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(secret);

    const request = async (method: string, path: string, token: string, body?: unknown, idempotencyKey?: string) => {
      const res = await app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(idempotencyKey !== undefined && { 'idempotency-key': idempotencyKey }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: res.status, headers: res.headers, json: (await res.json()) as any };
    };

    let phase: Outcome['phase'] = 'before';
    let running = true;
    const outcomes: Outcome[] = [];
    const unexpected: string[] = [];
    const acknowledgedRooms: Array<{ roomName: string; creator: string }> = [];
    const acknowledgedJoins: Array<{ roomName: string; guest: string }> = [];
    let retriedCreates = 0;
    let replayedCreates = 0;

    const record = (kind: Outcome['kind'], res: { status: number; headers: Headers; json: any }, started: number, ok: number) => {
      const at = phase; // the phase when the answer arrived
      outcomes.push({ kind, phase: at, status: res.status, startedAt: started, ms: Date.now() - started });
      if (res.status === ok) return true;
      if (res.status === 503) {
        if (res.headers.get('retry-after') !== String(RETRY_AFTER_SECONDS) || res.json?.error?.code !== 'unavailable') {
          unexpected.push(`${kind}: 503 without Retry-After/unavailable: ${JSON.stringify(res.json)}`);
        }
        return false;
      }
      unexpected.push(`${kind}: HTTP ${res.status} ${JSON.stringify(res.json)}`);
      return false;
    };

    // Each worker creates its own rooms (inviting its guest), has its guest join the previous one, and
    // reads it back. No two workers touch the same room (FerretDB updates are not atomic; MongoDB's are).
    const worker = async (w: number) => {
      const creator = `creator-${w}`;
      const guest = `guest-${w}`;
      const [creatorToken, guestToken] = await Promise.all([tokenFor(creator), tokenFor(guest)]);
      let previous: string | undefined;
      for (let n = 0; running; n++) {
        const roomName = `w${w}-r${n}`;
        let started = Date.now();
        // A client that follows Retry-After: the same create again (half the workers with an Idempotency-Key),
        // which must answer the room, never 409 for its own room, even when the lost attempt was stored.
        const key = w % 2 === 0 ? `create-${roomName}` : undefined;
        const body = { room_name: roomName, participants: [guest], call_type: 'video' };
        let created = await request('POST', '/api/livekit/rooms', creatorToken, body, key);
        for (let attempt = 1; created.status === 503 && running; attempt++) {
          record('create', created, started, 201);
          await sleep(50); // Retry-After, shortened for the test
          started = Date.now();
          created = await request('POST', '/api/livekit/rooms', creatorToken, body, key);
          if (created.status === 201) retriedCreates++;
          if (created.headers.get('idempotent-replayed') === 'true') replayedCreates++;
        }
        if (record('create', created, started, 201)) {
          acknowledgedRooms.push({ roomName, creator });
          if (created.json.room_name !== roomName) unexpected.push(`create answered ${JSON.stringify(created.json)}`);
        }
        if (previous) {
          started = Date.now();
          const joined = await request('POST', `/api/livekit/rooms/${previous}/join`, guestToken);
          if (record('join', joined, started, 200)) acknowledgedJoins.push({ roomName: previous, guest });
          started = Date.now();
          record('get', await request('GET', `/api/livekit/rooms/${previous}`, creatorToken), started, 200);
        }
        if (created.status === 201) previous = roomName;
        await sleep(5);
      }
    };

    const readyz = async () => (await app.request('/readyz')).status;
    // /readyz reuses its answer for a moment (READINESS_CACHE_MS): ask until it reflects the new state.
    const readyzSettles = async (want: number) => {
      const started = Date.now();
      for (;;) {
        const status = await readyz();
        if (status === want || Date.now() - started > 3 * READINESS_CACHE_MS + 2000) return status;
        await sleep(100);
      }
    };
    try {
      expect(await readyz()).toBe(200);
      const workers = Array.from({ length: 6 }, (_, w) => worker(w).catch((e: unknown) => unexpected.push(String(e))));

      // Conditions rather than fixed durations, so a slow machine changes the timing, not the verdict.
      const until = async (condition: () => boolean, what: string, timeoutMs = 20_000) => {
        const started = Date.now();
        while (!condition()) {
          if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
          await sleep(20);
        }
      };
      const successes = (p: Outcome['phase']) => outcomes.filter((o) => o.phase === p && o.status < 300).length;
      const unavailable = () => outcomes.filter((o) => o.status === 503).length;

      await until(() => acknowledgedRooms.length >= 30, '30 rooms created before the crash');
      phase = 'outage';
      const crashedAt = Date.now();
      await ferret.stop('SIGKILL'); // a crash: connections are cut mid-flight
      await sleep(300);
      const readyDuringOutage = await readyzSettles(503);
      // Requests keep coming for a while: at least two seconds and a dozen 503s.
      await until(() => Date.now() - crashedAt >= 2_000 && unavailable() >= 12, '503s during the outage');

      phase = 'after';
      const restartedAt = Date.now();
      await ferret.restart();
      await until(() => successes('after') > 0, 'the first success after the restart', 15_000);
      const recoveredAt = Date.now();
      // Enough requests started well after the recovery to judge it, however slow the machine is.
      const startedAfterRecovery = () => outcomes.filter((o) => o.startedAt > recoveredAt + 200).length;
      await until(() => successes('after') >= 60 && startedAfterRecovery() > 20, 'requests to flow normally again');
      running = false;
      await Promise.all(workers);

      // --- What was seen
      expect(unexpected).toEqual([]);
      expect(outcomes.every((o) => [200, 201, 503].includes(o.status))).toBe(true);
      const by = (phaseName: Outcome['phase'], status: number) =>
        outcomes.filter((o) => o.phase === phaseName && o.status === status).length;
      expect(by('before', 201)).toBeGreaterThanOrEqual(30);
      expect(by('before', 503)).toBe(0);
      expect(by('outage', 503)).toBeGreaterThan(0);
      expect(by('after', 201)).toBeGreaterThan(10);
      expect(readyDuringOutage).toBe(503);
      expect(await readyzSettles(200)).toBe(200);

      const outageLatencies = outcomes.filter((o) => o.status === 503).map((o) => o.ms).sort((a, b) => a - b);
      expect(outageLatencies.at(-1)!).toBeLessThan(MAX_OUTAGE_LATENCY_MS);
      // Once it has recovered, nothing stays broken: every request started after that succeeded.
      const later = outcomes.filter((o) => o.startedAt > recoveredAt + 200);
      expect(later.length).toBeGreaterThan(20);
      expect(later.filter((o) => o.status >= 300), 'failures after recovery').toEqual([]);

      // --- Every acknowledged write is still there (read back through the app and the store)
      for (const { roomName, creator } of acknowledgedRooms) {
        const res = await request('GET', `/api/livekit/rooms/${roomName}`, await tokenFor(creator));
        expect(res.status, roomName).toBe(200);
        expect(res.json.created_by).toBe(creator);
      }
      // A join writes nothing to the rooms (invited users are members already; guests come by invite links).
      for (const { roomName, guest } of acknowledgedJoins) {
        const stored = await store.getRoom(roomName);
        expect(stored?.participants, `${guest} in ${roomName}`).toContain(guest);
      }
      for (let w = 0; w < 6; w++) {
        const listed = await request('GET', '/api/livekit/rooms', await tokenFor(`creator-${w}`));
        const names = new Set(listed.json.rooms.map((r: { room_name: string }) => r.room_name));
        for (const { roomName, creator } of acknowledgedRooms) {
          if (creator === `creator-${w}`) expect(names.has(roomName), roomName).toBe(true);
        }
      }

      const median = outageLatencies[Math.floor(outageLatencies.length / 2)];
      console.info(
        `[mongo-fault] requests: ${outcomes.length}; acknowledged rooms: ${acknowledgedRooms.length}, joins: ${acknowledgedJoins.length}; ` +
          `503s: ${outageLatencies.length} (median ${median} ms, max ${outageLatencies.at(-1)} ms); ` +
          `creates retried after a 503: ${retriedCreates} answered 201, ${replayedCreates} of them stored by the lost attempt; ` +
          `recovered ${recoveredAt - restartedAt} ms after the restart began`,
      );
    } finally {
      running = false;
      await store.close();
    }
  });
});
