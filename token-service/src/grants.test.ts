import { describe, expect, it } from 'vitest';
import { hostsOf, isHost, permissionsFor } from './grants.js';
import { videoGrantFor } from './livekit.js';
import type { RoomRecord } from './model.js';
import { sampleRoom } from './store/contract.js';

const room = (over: Partial<RoomRecord> = {}): RoomRecord => sampleRoom('r', over);

describe('permissionsFor', () => {
  it('video rooms: creator and invitees publish camera, microphone and screen', () => {
    expect(permissionsFor(room(), 'alice')).toMatchObject({ role: 'host', canPublish: true, sources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] });
    expect(permissionsFor(room(), 'bob')).toMatchObject({ role: 'participant', canPublish: true });
  });

  it('audio rooms: the microphone only', () => {
    expect(permissionsFor(room({ callType: 'audio' }), 'bob')?.sources).toEqual(['microphone']);
  });

  it('webinars: speakers and the creator publish, the audience only subscribes', () => {
    const webinar = room({ speakers: ['alice', 'carol'], participants: ['alice', 'bob', 'carol'] });
    expect(permissionsFor(webinar, 'carol')).toMatchObject({ role: 'speaker', canPublish: true });
    expect(permissionsFor(webinar, 'bob')).toEqual({ role: 'audience', canPublish: false, canSubscribe: true, canPublishData: false, sources: [] });
  });

  it('webinars with audience chat: the audience may send data (chat), still no media', () => {
    const webinar = room({ speakers: ['alice'], participants: ['alice', 'bob'], audienceChat: true });
    expect(permissionsFor(webinar, 'bob')).toEqual({ role: 'audience', canPublish: false, canSubscribe: true, canPublishData: true, sources: [] });
    expect(videoGrantFor(webinar.roomName, permissionsFor(webinar, 'bob')!)).toMatchObject({ canPublish: false, canPublishData: true });
  });

  it('co-hosts are hosts: role host, and they publish in a webinar without being speakers', () => {
    const webinar = room({ speakers: ['alice'], participants: ['alice', 'bob', 'carol'], coHosts: ['bob'] });
    expect(permissionsFor(webinar, 'bob')).toMatchObject({ role: 'host', canPublish: true, sources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] });
    expect(permissionsFor(webinar, 'carol')).toMatchObject({ role: 'audience', canPublish: false });
    expect(permissionsFor({ ...webinar, coHosts: [] }, 'bob')).toMatchObject({ role: 'audience', canPublish: false });
    expect([isHost(webinar, 'alice'), isHost(webinar, 'bob'), isHost(webinar, 'carol')]).toEqual([true, true, false]);
    expect(hostsOf(webinar)).toEqual(['alice', 'bob']);
    expect(hostsOf(room())).toEqual(['alice']);
  });

  it('strangers get nothing unless the room is open to its link', () => {
    expect(permissionsFor(room(), 'mallory')).toBeNull();
    expect(permissionsFor(room({ openToLink: true }), 'mallory')).toMatchObject({ role: 'participant' });
  });
});

describe('videoGrantFor', () => {
  it('never grants room administration', () => {
    const grant = videoGrantFor('r', permissionsFor(room(), 'alice')!);
    expect(grant).toMatchObject({ room: 'r', roomJoin: true, canPublish: true, canSubscribe: true });
    for (const key of ['roomCreate', 'roomAdmin', 'roomList', 'roomRecord', 'hidden', 'recorder'] as const) {
      expect(grant[key]).toBeUndefined();
    }
  });

  it('lets everyone update their own attributes (raised hand), the audience of a webinar included', () => {
    const webinar = room({ speakers: ['alice'], participants: ['alice', 'bob'] });
    for (const user of ['alice', 'bob']) {
      expect(videoGrantFor('r', permissionsFor(webinar, user)!).canUpdateOwnMetadata).toBe(true);
    }
  });
});
