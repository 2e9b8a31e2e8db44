import { expect } from '@open-wc/testing';
import { CallStats, roomTracks, type StatsTrackRef } from './call-stats.js';
import { RECORDED } from './rtc-stats.fixtures.js';
import type { StatsEntry } from './rtc-stats.js';

const report = (entries: StatsEntry[]) => new Map(entries.map((e) => [e.id, e])) as unknown as RTCStatsReport;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A track that hands out recorded reports one after the other (the last one again once exhausted). */
function recordedTrack(key: string, direction: 'send' | 'receive', samples: StatsEntry[][], calls: string[]): StatsTrackRef {
  let i = 0;
  return {
    key, direction, identity: direction === 'send' ? 'me' : 'bob', name: direction === 'send' ? 'Me' : 'Bob', source: 'camera', kind: 'video',
    getReport: async () => { calls.push(key); return report(samples[Math.min(i++, samples.length - 1)]!); },
  };
}

describe('core/call-stats', () => {
  it('polls only while open; rates from consecutive readings; sent tracks first', async () => {
    const calls: string[] = [];
    const tracks = [recordedTrack('receive:TR_b', 'receive', RECORDED.receiveCamera, calls), recordedTrack('send:TR_a', 'send', RECORDED.sendCamera, calls)];
    const stats = new CallStats(() => tracks, { intervalMs: 20 });
    await wait(60);
    expect(calls).to.deep.equal([]); // closed: never polled

    const close = stats.open();
    expect(stats.state.running).to.equal(true);
    await new Promise<void>((resolve) => { const off = stats.subscribe((s) => { if (s.tracks[0]?.figures.bitrate) { off(); resolve(); } }); });
    expect(stats.state.tracks.map((t) => t.key)).to.deep.equal(['send:TR_a', 'receive:TR_b']);
    expect(stats.state.tracks[0]!.figures).to.include({ width: 640, codec: 'VP8' });
    expect(stats.state.tracks[0]!.figures.bitrate).to.be.greaterThan(1_000_000);
    expect(stats.state.tracks[1]!.figures.bitrate).to.be.greaterThan(100_000);

    close();
    close(); // twice is once
    expect(stats.state).to.deep.include({ running: false, tracks: [] });
    const after = calls.length;
    await wait(80);
    expect(calls.length).to.equal(after);
  });

  it('two viewers: polling stops when the last one closes', async () => {
    const calls: string[] = [];
    const stats = new CallStats(() => [recordedTrack('send:x', 'send', RECORDED.sendMicrophone, calls)], { intervalMs: 10 });
    const a = stats.open();
    const b = stats.open();
    a();
    await wait(40);
    expect(stats.state.running).to.equal(true);
    b();
    const after = calls.length;
    await wait(40);
    expect(calls.length).to.equal(after);
  });

  it('a track whose getStats fails is listed without figures; the others still read', async () => {
    const calls: string[] = [];
    const broken: StatsTrackRef = { ...recordedTrack('receive:bad', 'receive', [], calls), getReport: async () => { throw new Error('closed'); } };
    const stats = new CallStats(() => [recordedTrack('send:ok', 'send', RECORDED.sendMicrophone, calls), broken]);
    await stats.sample();
    expect(stats.state.tracks.map((t) => [t.key, Object.keys(t.figures).length > 0])).to.deep.equal([['send:ok', true], ['receive:bad', false]]);
  });

  it('roomTracks: our published unmuted tracks (send) and every subscribed remote track (receive)', () => {
    const track = { getRTCStatsReport: async () => undefined };
    const pub = (trackSid: string, source: string, kind: string, over: object = {}) => [trackSid, { trackSid, source, kind, isMuted: false, track, ...over }];
    const room = {
      localParticipant: { identity: 'me', name: 'Me', trackPublications: new Map([pub('TR_m', 'microphone', 'audio', { isMuted: true }), pub('TR_c', 'camera', 'video')] as never) },
      remoteParticipants: new Map([['bob', { identity: 'bob', name: '', trackPublications: new Map([pub('TR_bc', 'camera', 'video'), pub('TR_bs', 'screen_share', 'video', { track: undefined })] as never) }]]),
    };
    const refs = roomTracks(room as never);
    expect(refs.map((r) => [r.key, r.direction, r.name, r.source, r.kind])).to.deep.equal([
      ['send:TR_c', 'send', 'Me', 'camera', 'video'],
      ['receive:TR_bc', 'receive', 'bob', 'camera', 'video'],
    ]);
  });
});
