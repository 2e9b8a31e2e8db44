import { expect } from '@open-wc/testing';
import { computeStage } from './stage-layout.js';

describe('stage-layout', () => {
  it('without a shared screen: the tile grid', () => {
    const s = computeStage({ count: 4, width: 1280, height: 720, focus: false });
    expect(s.mode).to.equal('grid');
    if (s.mode === 'grid') expect(s.grid).to.include({ columns: 2, rows: 2, pages: 1 });
  });

  it('without a shared screen, a paginated grid keeps room for the pager', () => {
    const withPager = computeStage({ count: 12, width: 360, height: 480, focus: false, pagerHeight: 48 });
    const without = computeStage({ count: 12, width: 360, height: 480, focus: false });
    if (withPager.mode !== 'grid' || without.mode !== 'grid') throw new Error('grid expected');
    expect(withPager.grid.pages).to.be.greaterThan(1);
    expect(withPager.grid.pageSize).to.be.at.most(without.grid.pageSize);
  });

  it('a focus (shared screen, speaker) on a wide stage: strip beside it, the screen keeps the rest', () => {
    const s = computeStage({ count: 3, width: 1280, height: 720, focus: true });
    if (s.mode !== 'focus') throw new Error('focus expected');
    expect(s.strip).to.equal('side');
    expect(s.stripSize).to.be.within(160, 280);
    expect(s.screenWidth + s.stripSize).to.be.at.most(1280);
    expect(s.screenWidth).to.be.greaterThan(900);
    expect(s.screenHeight).to.equal(720);
    expect(s.visibleTiles).to.equal(3);
  });

  it('a focus in a 360 px sidebar: strip under it, scrolling sideways beyond what fits', () => {
    const s = computeStage({ count: 6, width: 360, height: 600, focus: true });
    if (s.mode !== 'focus') throw new Error('focus expected');
    expect(s.strip).to.equal('bottom');
    expect(s.screenWidth).to.equal(360);
    expect(s.screenHeight + s.stripSize).to.be.at.most(600);
    expect(s.tileWidth).to.be.at.most(360);
    expect(s.visibleTiles).to.be.within(1, 5);
  });

  it('a wide but short stage still puts the strip beside; a square one puts it under', () => {
    expect(computeStage({ count: 2, width: 900, height: 400, focus: true })).to.include({ strip: 'side' });
    expect(computeStage({ count: 2, width: 800, height: 800, focus: true })).to.include({ strip: 'bottom' });
  });

  it('degenerate sizes give no negative areas', () => {
    const s = computeStage({ count: 1, width: 0, height: 0, focus: true });
    if (s.mode !== 'focus') throw new Error('focus expected');
    expect(s.screenWidth).to.be.at.least(0);
    expect(s.screenHeight).to.be.at.least(0);
    expect(s.visibleTiles).to.be.at.most(1);
  });

  it('a focus with nobody else: no strip, the whole stage', () => {
    expect(computeStage({ count: 0, width: 800, height: 600, focus: true })).to.include({ mode: 'focus', strip: 'none', screenWidth: 800, screenHeight: 600, visibleTiles: 0 });
  });
});
