import { expect } from '@open-wc/testing';
import { readTrackStats, statsEntries, type StatsEntry } from './rtc-stats.js';
import { RECORDED } from './rtc-stats.fixtures.js';

const close = (actual: number | undefined, expected: number, tolerance = 1) => {
  expect(actual, `${actual} ≈ ${expected}`).to.be.a('number');
  expect(Math.abs(actual! - expected)).to.be.lessThan(tolerance);
};

/** Two readings one second apart, as the panel takes them. */
function twoReadings(samples: [StatsEntry[], StatsEntry[]], direction: 'send' | 'receive') {
  const first = readTrackStats(samples[0], direction);
  return { first, second: readTrackStats(samples[1], direction, first.counters) };
}

describe('core/rtc-stats (recorded Chromium stats of a call on the SFU)', () => {
  it('camera sent with simulcast: summed layers, the largest live layer, the freshest round trip, VP8', () => {
    const { first, second } = twoReadings(RECORDED.sendCamera, 'send');
    expect(first.figures.bitrate).to.equal(undefined); // no rate from one reading
    expect(first.figures.packetLoss).to.equal(0);
    // (107192 + 377004 + 1084000) − (107192 + 347921 + 940978) bytes in 1309.056 ms.
    close(second.figures.bitrate, (172105 * 8) / 1.309056);
    expect(second.figures.packetLoss).to.equal(0);
    // The 1280×720 layer is paused (no frame rate, no new bytes): 640×360 at 20 fps is what goes out.
    expect(second.figures).to.include({ width: 640, height: 360, fps: 20, codec: 'VP8' });
    close(second.figures.rtt, 19.684, 0.01); // the latest remote-inbound-rtp, not the paused layer's 53.6 ms
  });

  it('a paused layer that still reports a frame rate is not the one shown: the layers whose bytes grew are', () => {
    const first = readTrackStats(RECORDED.sendCamera[0], 'send');
    // As if the 1280×720 layer reported a frame rate without sending anything more.
    const second = RECORDED.sendCamera[1].map((e) => e['rid'] === 'f' ? { ...e, framesPerSecond: 30 } : e);
    expect(readTrackStats(second, 'send', first.counters).figures).to.include({ width: 640, height: 360 });
    expect(readTrackStats(second, 'send').figures).to.include({ width: 1280, height: 720 }); // no previous reading: frame rates only
  });

  it('microphone sent: opus, bitrate, round trip from remote-inbound-rtp, no resolution', () => {
    const { second } = twoReadings(RECORDED.sendMicrophone, 'send');
    close(second.figures.bitrate, ((108498 - 95911) * 8) / 1.309056);
    expect(second.figures.codec).to.equal('opus');
    close(second.figures.rtt, 4.944, 0.01);
    expect(second.figures.width).to.equal(undefined);
  });

  it('camera received: bitrate, loss, resolution and frame rate of inbound-rtp; round trip from the ICE pair', () => {
    const { second } = twoReadings(RECORDED.receiveCamera, 'receive');
    close(second.figures.bitrate, ((155751 - 128405) * 8) / 1.358233);
    expect(second.figures).to.include({ packetLoss: 0, width: 320, height: 180, fps: 19, codec: 'VP8' });
    // remote-outbound-rtp has no measurement (roundTripTimeMeasurements 0): the selected candidate pair's 5 ms.
    close(second.figures.rtt, 5, 0.01);
  });

  it('microphone received: opus and a bitrate', () => {
    const { second } = twoReadings(RECORDED.receiveMicrophone, 'receive');
    close(second.figures.bitrate, ((89781 - 75624) * 8) / 1.358233);
    expect(second.figures.codec).to.equal('opus');
  });

  it('packet loss over the interval: lost / sent (send), lost / (received + lost) (receive)', () => {
    const sent = RECORDED.sendMicrophone[1].map((e) => e.type === 'remote-inbound-rtp' ? { ...e, packetsLost: 13 } : e);
    const first = readTrackStats(RECORDED.sendMicrophone[0], 'send');
    expect(readTrackStats(sent, 'send', first.counters).figures.packetLoss).to.equal(13 / (641 - 576));
    const got = RECORDED.receiveCamera[1].map((e) => e.type === 'inbound-rtp' ? { ...e, packetsLost: 10 } : e);
    const r1 = readTrackStats(RECORDED.receiveCamera[0], 'receive');
    expect(readTrackStats(got, 'receive', r1.counters).figures.packetLoss).to.equal(10 / (180 - 149 + 10));
  });

  it('no RTP stats yet: no figures, no counters; entries from a Map or an array', () => {
    expect(readTrackStats([], 'send')).to.deep.equal({ figures: {}, counters: undefined });
    const map = new Map(RECORDED.sendMicrophone[0].map((e) => [e.id, e]));
    expect(statsEntries(map)).to.have.length(RECORDED.sendMicrophone[0].length);
    expect(statsEntries([{ nope: 1 }, ...RECORDED.sendMicrophone[0]])).to.have.length(RECORDED.sendMicrophone[0].length);
  });
});
