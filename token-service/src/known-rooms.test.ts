import { describe, expect, it } from 'vitest';
import { KnownRooms, SENTINEL_ROOM, type SfuRoomApi } from './known-rooms.js';

/** An SFU that counts calls; `restart()` forgets every room, as a restarted LiveKit process does. */
class CountingSfu implements SfuRoomApi {
  rooms = new Map<string, string>();
  creates: string[] = [];
  lists = 0;
  private nextSid = 1;
  down = false;

  async createRoom(name: string) {
    if (this.down) throw new Error('ECONNREFUSED');
    this.creates.push(name);
    if (!this.rooms.has(name)) this.rooms.set(name, `RM_${this.nextSid++}`);
    return { sid: this.rooms.get(name)! };
  }
  createSentinel(name: string) {
    return this.createRoom(name);
  }
  async listRooms(names: string[]) {
    if (this.down) throw new Error('ECONNREFUSED');
    this.lists++;
    return names.filter((n) => this.rooms.has(n)).map((name) => ({ name, sid: this.rooms.get(name)! }));
  }
  onLost: (() => void) | undefined;
  watches = 0;
  watch(onLost: () => void) {
    this.watches++;
    this.onLost = onLost;
  }
  restart() {
    this.rooms.clear();
  }
  roomCreates(name: string) {
    return this.creates.filter((n) => n === name).length;
  }
}

function setup(options: { checkIntervalMs?: number; ttlMs?: number } = {}) {
  const sfu = new CountingSfu();
  let now = 1_000_000;
  const known = new KnownRooms(sfu, { checkIntervalMs: 500, ttlMs: 15_000, ...options, now: () => now });
  return { sfu, known, advance: (ms: number) => (now += ms) };
}

describe('KnownRooms', () => {
  it('asks the SFU once for a room, then remembers it', async () => {
    const { sfu, known, advance } = setup();
    await known.ensure('team');
    for (let i = 0; i < 20; i++) {
      advance(100);
      await known.ensure('team');
    }
    expect(sfu.roomCreates('team')).toBe(1);
    // 2 s of requests: the sentinel is read about every 500 ms, not per request.
    expect(sfu.lists).toBeLessThanOrEqual(5);
  });

  it('shares one CreateRoom among concurrent admissions of one room', async () => {
    const { sfu, known } = setup();
    await Promise.all(Array.from({ length: 10 }, () => known.ensure('team')));
    expect(sfu.roomCreates('team')).toBe(1);
    expect(sfu.lists).toBe(1);
  });

  it('creates the room again after the SFU reported it finished', async () => {
    const { sfu, known } = setup();
    await known.ensure('team');
    known.forget('team');
    await known.ensure('team');
    expect(sfu.roomCreates('team')).toBe(2);
  });

  it('without a watch connection: notices a restarted SFU at the next sentinel check, before answering', async () => {
    const { sfu, known, advance } = setup();
    sfu.watch = undefined as never;
    await known.ensure('team');
    sfu.restart();
    advance(600);
    await known.ensure('team');
    expect(sfu.rooms.has('team')).toBe(true);
    expect(sfu.rooms.has(SENTINEL_ROOM)).toBe(true);
    expect(sfu.roomCreates('team')).toBe(2);
  });

  it('with a watch connection open: the periodic check runs in the background and still catches a restart', async () => {
    const { sfu, known, advance } = setup();
    await known.ensure('team');
    const lists = sfu.lists;
    // A restart the watch did not see (e.g. a proxy kept the connection open).
    sfu.restart();
    advance(600);
    let waited = false;
    const slowList = sfu.listRooms.bind(sfu);
    sfu.listRooms = async (names) => {
      await new Promise((r) => setTimeout(r, 20));
      waited = true;
      return slowList(names);
    };
    await known.ensure('team'); // answered from memory: no request waits for the check
    expect(waited).toBe(false);
    await new Promise((r) => setTimeout(r, 40));
    expect(sfu.lists).toBe(lists + 1);
    await known.ensure('team'); // the background check forgot the rooms
    expect(sfu.roomCreates('team')).toBe(2);
  });

  it('re-reads the sentinel at once when the watch connection to the SFU closes', async () => {
    const { sfu, known, advance } = setup({ checkIntervalMs: 60_000 });
    await known.ensure('team');
    expect(sfu.watches).toBe(1);
    sfu.restart();
    sfu.onLost!();
    advance(1);
    await known.ensure('team');
    expect(sfu.roomCreates('team')).toBe(2);
    expect(sfu.watches).toBe(2); // watching again
  });

  it('forgets everything when the sentinel comes back with another sid', async () => {
    const { sfu, known, advance } = setup();
    sfu.watch = undefined as never; // the blocking check (no watch connection)
    await known.ensure('a');
    await known.ensure('b');
    sfu.rooms.set(SENTINEL_ROOM, 'RM_other_process');
    advance(600);
    await known.ensure('a');
    expect(known.size).toBe(1);
    expect(sfu.roomCreates('a')).toBe(2);
  });

  it('forgets everything when the SFU cannot be reached, and rejects', async () => {
    const { sfu, known, advance } = setup();
    sfu.watch = undefined as never; // the blocking check (no watch connection)
    await known.ensure('team');
    sfu.down = true;
    advance(600);
    await expect(known.ensure('team')).rejects.toThrow('ECONNREFUSED');
    expect(known.size).toBe(0);
    sfu.down = false;
    await known.ensure('team');
    expect(sfu.roomCreates('team')).toBe(2);
  });

  it('asks again once a remembered room is older than the TTL (lost webhooks)', async () => {
    const { sfu, known, advance } = setup({ ttlMs: 1_000 });
    await known.ensure('team');
    advance(400);
    await known.ensure('team');
    expect(sfu.roomCreates('team')).toBe(1);
    advance(700);
    await known.ensure('team');
    expect(sfu.roomCreates('team')).toBe(2);
  });

  it('does not remember a room whose CreateRoom was answered before a restart was noticed', async () => {
    const sfu = new CountingSfu();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: SfuRoomApi = {
      createRoom: async (name) => {
        const answer = await sfu.createRoom(name);
        await gate;
        return answer;
      },
      createSentinel: (name) => sfu.createSentinel(name),
      listRooms: (names) => sfu.listRooms(names),
    };
    const known = new KnownRooms(slow, { checkIntervalMs: 0 });
    const pending = known.ensure('team');
    await new Promise((r) => setTimeout(r, 0));
    known.forgetAll();
    release();
    await pending;
    expect(known.size).toBe(0);
  });
});
