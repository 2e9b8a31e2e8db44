import { expect } from '@open-wc/testing';
import { qualityBars, toQuality } from './connection-quality.js';

describe('core/connection-quality', () => {
  it('keeps livekit-client\'s values and maps anything else to unknown', () => {
    for (const q of ['excellent', 'good', 'poor', 'lost', 'unknown']) expect(toQuality(q)).to.equal(q);
    expect(toQuality('great')).to.equal('unknown');
    expect(toQuality(undefined)).to.equal('unknown');
  });

  it('lights 3, 2, 1, 0 bars; none for unknown', () => {
    expect(['excellent', 'good', 'poor', 'lost', 'unknown'].map((q) => qualityBars(toQuality(q)))).to.deep.equal([3, 2, 1, 0, undefined]);
  });
});
