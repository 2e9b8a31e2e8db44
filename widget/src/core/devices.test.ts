import { expect } from '@open-wc/testing';
import { CallDevices, allowedKinds, fallbackDevice, type DeviceChange, type DeviceKind, type DeviceOption, type DeviceRoom, type DeviceSession } from './devices.js';
import { INITIAL_CALL_STATE, type CallState } from './call-session.js';
import { MeetingError } from './flow-error.js';
import type { UserChoices } from './user-choices.js';

/** A livekit Room stand-in: the active-device map, switchActiveDevice and the two events. */
class FakeRoom {
  active = new Map<string, string>();
  switches: [string, string][] = [];
  failWith: Error | undefined;
  handlers = new Map<string, Set<(...a: unknown[]) => void>>();
  getActiveDevice(kind: string) { return this.active.get(kind); }
  async switchActiveDevice(kind: string, id: string) {
    this.switches.push([kind, id]);
    if (this.failWith) throw this.failWith;
    this.active.set(kind, id);
    this.emit('activeDeviceChanged', kind, id);
    return true;
  }
  on(ev: string, fn: (...a: unknown[]) => void) { (this.handlers.get(ev) ?? this.handlers.set(ev, new Set()).get(ev)!).add(fn); return this; }
  off(ev: string, fn: (...a: unknown[]) => void) { this.handlers.get(ev)?.delete(fn); return this; }
  emit(ev: string, ...a: unknown[]) { for (const f of [...(this.handlers.get(ev) ?? [])]) f(...a); }
  listeners(ev: string) { return this.handlers.get(ev)?.size ?? 0; }
}

class FakeSession implements DeviceSession {
  room: DeviceRoom | undefined;
  private fns = new Set<(s: CallState) => void>();
  constructor(public state: CallState) {}
  subscribe(fn: (s: CallState) => void) { this.fns.add(fn); fn(this.state); return () => { this.fns.delete(fn); }; }
  set(patch: Partial<CallState>, room?: FakeRoom) {
    if (room !== undefined || patch.connection === 'disconnected') this.room = room as unknown as DeviceRoom;
    this.state = { ...this.state, ...patch };
    this.fns.forEach((f) => f(this.state));
  }
}

const dev = (deviceId: string, label = deviceId): DeviceOption => ({ deviceId, label });
const LISTS = (): Record<DeviceKind, DeviceOption[]> => ({
  audioinput: [dev('default', 'Default'), dev('mic-1'), dev('mic-2')],
  videoinput: [dev('cam-1'), dev('cam-2')],
  audiooutput: [dev('default', 'Default'), dev('spk-1')],
});

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(over: Partial<CallState> = {}, canChooseOutput = true) {
  let lists = LISTS();
  const remembered: Partial<UserChoices>[] = [];
  const target = new EventTarget();
  const session = new FakeSession({ ...INITIAL_CALL_STATE });
  const devices = new CallDevices(session, {
    enumerate: async () => lists, remember: (c) => remembered.push(c), canChooseOutput: () => canChooseOutput, deviceChangeTarget: target,
  });
  const changes: DeviceChange[] = [];
  devices.onChange((c) => changes.push(c));
  const room = new FakeRoom();
  room.active.set('audioinput', 'mic-1');
  room.active.set('videoinput', 'cam-1');
  const join = async () => {
    session.set({ connection: 'connected', callType: 'video', canPublish: true, ...over }, room);
    await flush();
  };
  return { session, devices, room, remembered, changes, target, join, setLists: (l: Record<DeviceKind, DeviceOption[]>) => { lists = l; } };
}

async function rejects(p: Promise<unknown>): Promise<MeetingError> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(MeetingError);
    return err as MeetingError;
  }
  throw new Error('expected a rejection');
}

describe('core/devices', () => {
  it('allowedKinds: microphone for publishers, camera only in video calls, speaker where the browser can route audio', () => {
    expect(allowedKinds({ callType: 'video', canPublish: true }, true)).to.deep.equal({ audioinput: true, videoinput: true, audiooutput: true });
    expect(allowedKinds({ callType: 'audio', canPublish: true }, true)).to.deep.equal({ audioinput: true, videoinput: false, audiooutput: true });
    expect(allowedKinds({ callType: 'video', canPublish: false }, false)).to.deep.equal({ audioinput: false, videoinput: false, audiooutput: false });
  });

  it('fallbackDevice: default first, else the first listed; nothing when still listed or unknown', () => {
    expect(fallbackDevice(LISTS().audioinput, 'gone')).to.equal('default');
    expect(fallbackDevice(LISTS().videoinput, 'gone')).to.equal('cam-1');
    expect(fallbackDevice(LISTS().videoinput, 'cam-2')).to.equal(undefined);
    expect(fallbackDevice(LISTS().videoinput, '')).to.equal(undefined);
    expect(fallbackDevice([], 'gone')).to.equal(undefined);
  });

  it('in a call: lists and active devices from the room; outside: not live', async () => {
    const { devices, join, session, room } = setup();
    expect(devices.state.live).to.equal(false);
    await join();
    expect(devices.state.live).to.equal(true);
    expect(devices.state.lists.videoinput.map((d) => d.deviceId)).to.deep.equal(['cam-1', 'cam-2']);
    expect(devices.state.active).to.deep.equal({ audioinput: 'mic-1', videoinput: 'cam-1', audiooutput: '' });
    expect(room.listeners('mediaDevicesChanged')).to.equal(1);
    session.set({ connection: 'disconnected' });
    expect(devices.state.live).to.equal(false);
    expect(devices.state.active.videoinput).to.equal('');
    expect(room.listeners('mediaDevicesChanged') + room.listeners('activeDeviceChanged')).to.equal(0);
  });

  it('setDevice switches through the room, fires one change and remembers the choice', async () => {
    const { devices, join, room, remembered, changes } = setup();
    await join();
    await devices.setDevice('videoinput', 'cam-2');
    expect(room.switches).to.deep.equal([['videoinput', 'cam-2']]);
    expect(devices.state.active.videoinput).to.equal('cam-2');
    expect(changes).to.deep.equal([{ kind: 'videoinput', deviceId: 'cam-2', chosen: true }]);
    expect(remembered).to.deep.equal([{ videoDeviceId: 'cam-2' }]);
    await devices.setDevice('audiooutput', 'spk-1');
    await devices.setDevice('audioinput', 'mic-2');
    expect(remembered).to.deep.equal([{ videoDeviceId: 'cam-2' }, { audioOutputId: 'spk-1' }, { audioDeviceId: 'mic-2' }]);
  });

  it('setDevice refuses with a typed code: not in a call, bad kind, unknown device, camera in an audio room, audience, no setSinkId', async () => {
    const a = setup();
    expect((await rejects(a.devices.setDevice('audioinput', 'mic-2'))).code).to.equal('not_in_call');
    await a.join();
    expect((await rejects(a.devices.setDevice('screen' as DeviceKind, 'x'))).code).to.equal('device_kind_invalid');
    expect((await rejects(a.devices.setDevice('videoinput', 'nope'))).code).to.equal('device_not_found');
    expect((await rejects(a.devices.setDevice('videoinput', ''))).code).to.equal('device_not_found');
    expect(a.room.switches).to.deep.equal([]);

    const audio = setup({ callType: 'audio' });
    await audio.join();
    expect((await rejects(audio.devices.setDevice('videoinput', 'cam-2'))).code).to.equal('device_not_allowed');
    expect(audio.room.switches).to.deep.equal([]); // no camera is ever asked for in an audio room
    await audio.devices.setDevice('audioinput', 'mic-2');

    const audience = setup({ canPublish: false }, false);
    await audience.join();
    for (const kind of ['audioinput', 'videoinput', 'audiooutput'] as const) {
      expect((await rejects(audience.devices.setDevice(kind, LISTS()[kind][1]!.deviceId))).code).to.equal('device_not_allowed');
    }
    expect(audience.remembered).to.deep.equal([]);
  });

  it('a switch the browser refuses rejects with device_switch_failed and changes nothing', async () => {
    const { devices, join, room, remembered, changes } = setup();
    await join();
    room.failWith = Object.assign(new Error('Could not start video source'), { name: 'NotReadableError' });
    const err = await rejects(devices.setDevice('videoinput', 'cam-2'));
    expect(err.code).to.equal('device_switch_failed');
    expect(err.device).to.equal('camera');
    expect(devices.state.active.videoinput).to.equal('cam-1');
    expect(changes).to.deep.equal([]);
    expect(remembered).to.deep.equal([]);
  });

  it('unplugging the active camera falls back to the first one and reports it (not remembered)', async () => {
    const { devices, join, room, remembered, changes, target, setLists } = setup();
    await join();
    await devices.setDevice('videoinput', 'cam-2');
    changes.length = 0;
    setLists({ ...LISTS(), videoinput: [dev('cam-1')] });
    target.dispatchEvent(new Event('devicechange'));
    await flush();
    await devices.refresh();
    expect(devices.state.lists.videoinput.map((d) => d.deviceId)).to.deep.equal(['cam-1']);
    expect(room.switches.at(-1)).to.deep.equal(['videoinput', 'cam-1']);
    expect(devices.state.active.videoinput).to.equal('cam-1');
    expect(changes).to.deep.equal([{ kind: 'videoinput', deviceId: 'cam-1', chosen: false }]);
    expect(remembered).to.deep.equal([{ videoDeviceId: 'cam-2' }]);
  });

  it('livekit-client switching by itself (MediaDevicesChanged + ActiveDeviceChanged) is reported once; a plugged device is listed', async () => {
    const { devices, join, room, changes, setLists } = setup();
    await join();
    setLists({ ...LISTS(), audioinput: [dev('default'), dev('mic-2'), dev('mic-3')] });
    room.active.set('audioinput', 'default');
    room.emit('activeDeviceChanged', 'audioinput', 'default');
    room.emit('mediaDevicesChanged');
    await devices.refresh();
    expect(devices.state.lists.audioinput.map((d) => d.deviceId)).to.deep.equal(['default', 'mic-2', 'mic-3']);
    expect(changes).to.deep.equal([{ kind: 'audioinput', deviceId: 'default', chosen: false }]);
    expect(room.switches).to.deep.equal([]);
  });
});
