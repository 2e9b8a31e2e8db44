import { expect } from '@open-wc/testing';
import * as realLiveKit from 'livekit-client';
import { CallSession, type SessionEvent } from './call-session.js';
import { FakeParticipant, fakeModule, lastRoom } from '../test/fake-livekit.js';

const { RoomEvent, ConnectionQuality } = realLiveKit;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('call-session: connection quality', () => {
  it('ConnectionQualityChanged updates the participant\'s quality and fires one connection-quality event', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    await s.connect({ url: 'ws://x', token: 't', roomName: 'r1', callType: 'video', canPublish: true, audio: false, video: false });
    const bob = Object.assign(new FakeParticipant('bob', 'Bob'), { connectionQuality: ConnectionQuality.Excellent });
    lastRoom!.remoteParticipants.set('bob', bob);
    lastRoom!.emit(RoomEvent.ParticipantConnected, bob);
    await tick();
    expect(s.state.participants.find((p) => p.identity === 'bob')!.quality).to.equal('excellent');
    expect(s.state.participants.find((p) => p.identity === 'me')!.quality).to.equal('unknown');

    bob.connectionQuality = ConnectionQuality.Poor;
    lastRoom!.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Poor, bob);
    await tick();
    expect(s.state.participants.find((p) => p.identity === 'bob')!.quality).to.equal('poor');
    expect(events.filter((e) => e.type === 'connection-quality')).to.deep.equal([{ type: 'connection-quality', identity: 'bob', quality: 'poor' }]);
    await s.disconnect();
  });
});
