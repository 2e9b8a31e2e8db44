/**
 * <urbania-meeting> in a call on a fake livekit Room: setDevice(), urbania-device-changed, urbania-connection-quality.
 * (The real switch mid-call, with the other side decoding, is e2e/scenarios/11-devices-stats.mjs.)
 */
import { expect, oneEvent } from '@open-wc/testing';
import './urbania-meeting.js';
import type { UrbaniaMeeting } from './urbania-meeting.component.js';
import { deepQuery, joinResponse, roomInfo, stubFetch, waitFor, type FetchStub } from '../test/helpers.js';
import type { LiveKitModule } from '../core/call-session.js';
import { FakeParticipant, FakeRoom, fakeModule } from '../test/fake-livekit.js';
import { codeOf, joinOnFakeLiveKit } from '../test/meeting-in-call.js';
import type { DeviceKind, DeviceOption } from '../core/devices.js';
import type { UserChoices } from '../core/user-choices.js';
import { ConnectionQuality, RoomEvent } from 'livekit-client';

/** The fake Room plus livekit-client's device API (active-device map, switchActiveDevice + ActiveDeviceChanged). */
class DeviceRoom extends FakeRoom {
  static last: DeviceRoom | undefined;
  active = new Map<string, string>([['audioinput', 'default'], ['videoinput', 'cam-1']]);
  switches: string[] = [];
  constructor(options: unknown) { super(options); DeviceRoom.last = this; }
  override getActiveDevice(kind: string) { return this.active.get(kind); }
  override async switchActiveDevice(kind: string, id: string) {
    this.switches.push(`${kind}:${id}`);
    this.active.set(kind, id);
    this.emit(RoomEvent.ActiveDeviceChanged, kind, id);
    return true;
  }
}

const LISTS: Record<DeviceKind, DeviceOption[]> = {
  audioinput: [{ deviceId: 'default', label: 'Default' }, { deviceId: 'mic-2', label: 'USB' }],
  videoinput: [{ deviceId: 'cam-1', label: 'Front' }, { deviceId: 'cam-2', label: 'Back' }],
  audiooutput: [{ deviceId: 'default', label: 'Default' }, { deviceId: 'spk-2', label: 'Headset' }],
};

async function inCall(callType: 'video' | 'audio', lang = 'fr') {
  const remembered: Partial<UserChoices>[] = [];
  const { el, joined } = joinOnFakeLiveKit({ lang }, {
    livekit: ({ ...fakeModule, Room: DeviceRoom }) as unknown as LiveKitModule,
    devices: { enumerate: async () => LISTS, remember: (c) => remembered.push(c), canChooseOutput: () => true, deviceChangeTarget: undefined },
  });
  await joined;
  return { el, room: DeviceRoom.last!, remembered };
}

describe('<urbania-meeting>: devices and connection quality in a call', () => {
  let stub: FetchStub | undefined;
  afterEach(() => { stub?.restore(); stub = undefined; });
  const join = (callType: 'video' | 'audio') => {
    stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200, body: joinResponse(roomInfo({ room_name: 'r1', call_type: callType })) }]);
  };

  it('setDevice() outside a call rejects with not_in_call, localized', async () => {
    const el = document.createElement('urbania-meeting') as UrbaniaMeeting;
    document.body.append(el);
    try {
      expect(await codeOf(el.setDevice('audioinput', 'default'))).to.deep.equal({ code: 'not_in_call', message: "Vous n'êtes pas dans un appel." });
    } finally {
      el.remove();
    }
  });

  it('setDevice() switches through the room, fires urbania-device-changed (bubbles, composed) and remembers the choice', async () => {
    join('video');
    const { el, room, remembered } = await inCall('video');
    try {
      const changed = oneEvent(document.body, 'urbania-device-changed');
      await el.setDevice('videoinput', 'cam-2');
      const ev = await changed;
      expect(ev.detail).to.deep.equal({ kind: 'videoinput', deviceId: 'cam-2' });
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(room.switches).to.deep.equal(['videoinput:cam-2']);
      expect(remembered).to.deep.equal([{ videoDeviceId: 'cam-2' }]);
      expect(await codeOf(el.setDevice('audiooutput', 'nope'))).to.deep.equal({ code: 'device_not_found', message: "Cet appareil n'est pas disponible." });
      expect(await codeOf(el.setDevice('speaker' as DeviceKind, 'x'))).to.include({ code: 'device_kind_invalid' });
    } finally {
      el.remove();
    }
  });

  it('an audio room refuses setDevice("videoinput") and never switches a camera', async () => {
    join('audio');
    const { el, room } = await inCall('audio', 'en');
    try {
      expect(await codeOf(el.setDevice('videoinput', 'cam-2'))).to.deep.equal({ code: 'device_not_allowed', message: 'This device cannot be chosen in this call.' });
      expect(room.switches).to.deep.equal([]);
      await el.setDevice('audioinput', 'mic-2');
      expect(room.switches).to.deep.equal(['audioinput:mic-2']);
    } finally {
      el.remove();
    }
  });

  it('ConnectionQualityChanged fires urbania-connection-quality', async () => {
    join('video');
    const { el, room } = await inCall('video');
    try {
      const bob = Object.assign(new FakeParticipant('bob', 'Bob'), { connectionQuality: ConnectionQuality.Poor });
      room.remoteParticipants.set('bob', bob);
      room.emit(RoomEvent.ParticipantConnected, bob);
      const q = oneEvent(el, 'urbania-connection-quality');
      room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Poor, bob);
      const ev = await q;
      expect(ev.detail).to.deep.equal({ identity: 'bob', quality: 'poor' });
      expect(ev.bubbles && ev.composed).to.equal(true);
      await waitFor(() => deepQuery(el, '[part="tile"][data-identity="bob"]'), 3000, 'bob tile');
    } finally {
      el.remove();
    }
  });
});
