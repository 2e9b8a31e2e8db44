import { expect } from '@open-wc/testing';
import { NARROW, splitControls, type OverflowControl } from './control-overflow.js';

const b = (key: string, rank: OverflowControl['rank'], width: number = NARROW.button, menuable = true): OverflowControl => ({ key, rank, width, menuable });
/** A host's bar in a video call: devices menus beside mic and camera. */
const host = [
  b('mic', 'fixed'), b('device-audio', 'fixed', NARROW.deviceMenu, false), b('camera', 'fixed'), b('device-video', 'fixed', NARROW.deviceMenu, false),
  b('present', { drop: 1 }), b('layout', 'secondary'), b('pip', 'secondary'), b('hand', { drop: 3 }), b('people', 'secondary'),
  b('chat', { drop: 2 }), b('stats', 'secondary'), b('invites', 'secondary'), b('leave', 'fixed', NARROW.danger), b('end', 'secondary', NARROW.danger),
];

describe('control-overflow: splitControls', () => {
  it('wide (or not measured yet): everything in the bar, no menu', () => {
    for (const width of [0, 600, 1280]) {
      const s = splitControls(host, width);
      expect(s.menu).to.deep.equal([]);
      expect(s.bar.size).to.equal(host.length);
    }
  });

  it('narrow: the secondary controls go into the menu, in bar order; the primary ones stay while they fit', () => {
    const s = splitControls(host, 344);
    expect(s.menu).to.deep.equal(['layout', 'pip', 'people', 'stats', 'invites', 'end']);
    expect([...s.bar]).to.deep.equal(['mic', 'device-audio', 'camera', 'device-video', 'present', 'hand', 'chat', 'leave']);
  });

  it('narrower still: present goes first, then chat, then hand; fixed controls and device menus never move', () => {
    expect(splitControls(host, 300).menu).to.deep.equal(['present', 'layout', 'pip', 'people', 'stats', 'invites', 'end']);
    expect(splitControls(host, 260).menu).to.deep.equal(['present', 'layout', 'pip', 'people', 'chat', 'stats', 'invites', 'end']);
    const tiny = splitControls(host, 100);
    expect([...tiny.bar]).to.deep.equal(['mic', 'device-audio', 'camera', 'device-video', 'leave']);
  });

  it('no menu when nothing is secondary and everything fits', () => {
    const few = [b('mic', 'fixed'), b('hand', { drop: 3 }), b('leave', 'fixed', NARROW.danger)];
    expect(splitControls(few, 360)).to.deep.equal({ bar: new Set(['mic', 'hand', 'leave']), menu: [] });
  });
});
