import { expect } from '@open-wc/testing';
import { ROOM_TOPIC, RoleRefresh, isRolesPacket } from './role-refresh.js';
import type { DataSource } from './lobby.js';
import type { RoomInfo } from './service-client.js';
import { roomInfo } from '../test/helpers.js';

type OnData = (payload: Uint8Array, participant?: unknown, kind?: unknown, topic?: string) => void;

/** A livekit-client Room's data events, driven by the test. */
class FakeRoom implements DataSource {
  fns = new Set<OnData>();
  on(_e: 'dataReceived', fn: OnData) { this.fns.add(fn); return this; }
  off(_e: 'dataReceived', fn: OnData) { this.fns.delete(fn); return this; }
  send(payload: unknown, participant?: unknown, topic = ROOM_TOPIC) {
    const bytes = new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload));
    for (const fn of this.fns) fn(bytes, participant, undefined, topic);
  }
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (fn: () => boolean) => { for (let i = 0; i < 200 && !fn(); i++) await tick(5); };

describe('RoleRefresh', () => {
  it('isRolesPacket: only the server\'s roles packet on urbania.room', () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(isRolesPacket(bytes({ type: 'roles' }), undefined, ROOM_TOPIC)).to.equal(true);
    expect(isRolesPacket(bytes({ type: 'roles' }), { identity: 'mallory' }, ROOM_TOPIC), 'sent by a participant').to.equal(false);
    expect(isRolesPacket(bytes({ type: 'roles' }), undefined, 'urbania.lobby')).to.equal(false);
    expect(isRolesPacket(bytes({ type: 'other' }), undefined, ROOM_TOPIC)).to.equal(false);
    expect(isRolesPacket(new TextEncoder().encode('not json'), undefined, ROOM_TOPIC)).to.equal(false);
  });

  it('refetches on the server\'s packets (a burst makes one request), ignores participants\' packets, stops', async () => {
    const room = new FakeRoom();
    let fetches = 0;
    const seen: RoomInfo[] = [];
    const refresh = new RoleRefresh(async () => { fetches++; return roomInfo({ co_hosts: [`v${fetches}`] }); }, (i) => seen.push(i), 10);
    refresh.start(room);
    room.send({ type: 'roles' }, { identity: 'mallory' });
    await tick(40);
    expect(fetches, 'a participant\'s forged packet').to.equal(0);
    room.send({ type: 'roles' });
    room.send({ type: 'roles' });
    refresh.poke();
    await until(() => seen.length === 1);
    await tick(40);
    expect(fetches).to.equal(1);
    expect((seen[0] as RoomInfo & { co_hosts: string[] }).co_hosts).to.deep.equal(['v1']);
    refresh.stop();
    expect(room.fns.size).to.equal(0);
    refresh.poke();
    await tick(40);
    expect(fetches).to.equal(1);
  });

  it('a change during a request asks again after it (the last answer wins); a failed request is not fatal', async () => {
    let release!: () => void;
    let n = 0;
    const seen: string[] = [];
    const refresh = new RoleRefresh(async () => {
      n++;
      if (n === 1) { await new Promise<void>((r) => (release = r)); return roomInfo({ room_name: 'first' }); }
      if (n === 2) throw new Error('network');
      return roomInfo({ room_name: 'third' });
    }, (i) => seen.push(i.room_name), 1);
    refresh.poke();
    await until(() => n === 1);
    refresh.poke();
    release();
    await until(() => n === 2);
    await tick(20);
    expect(seen).to.deep.equal(['first']);
    refresh.poke();
    await until(() => seen.length === 2);
    expect(seen).to.deep.equal(['first', 'third']);
    refresh.stop();
  });
});
