import { expect } from '@open-wc/testing';
import { computeStage } from './stage-layout.js';

describe('stage-layout', () => {
  it('without a shared screen: the tile grid', () => {
    const s = computeStage({ count: 4, width: 1280, height: 720, screenShare: false });
    expect(s.mode).to.equal('grid');
    if (s.mode === 'grid') expect(s.grid).to.include({ columns: 2, rows: 2, pages: 1 });
  });

  it('without a shared screen, a paginated grid keeps room for the pager', () => {
    const withPager = computeStage({ count: 12, width: 360, height: 480, screenShare: false, pagerHeight: 48 });
    const without = computeStage({ count: 12, width: 360, height: 480, screenShare: false });
    if (withPager.mode !== 'grid' || without.mode !== 'grid') throw new Error('grid expected');
    expect(withPager.grid.pages).to.be.greaterThan(1);
    expect(withPager.grid.pageSize).to.be.at.most(without.grid.pageSize);
  });

  it('a shared screen on a wide stage: strip beside it, the screen keeps the rest', () => {
    const s = computeStage({ count: 3, width: 1280, height: 720, screenShare: true });
    if (s.mode !== 'screen') throw new Error('screen expected');
    expect(s.strip).to.equal('side');
    expect(s.stripSize).to.be.within(160, 280);
    expect(s.screenWidth + s.stripSize).to.be.at.most(1280);
    expect(s.screenWidth).to.be.greaterThan(900);
    expect(s.screenHeight).to.equal(720);
    expect(s.visibleTiles).to.equal(3);
  });

  it('a shared screen in a 360 px sidebar: strip under it, scrolling sideways beyond what fits', () => {
    const s = computeStage({ count: 6, width: 360, height: 600, screenShare: true });
    if (s.mode !== 'screen') throw new Error('screen expected');
    expect(s.strip).to.equal('bottom');
    expect(s.screenWidth).to.equal(360);
    expect(s.screenHeight + s.stripSize).to.be.at.most(600);
    expect(s.tileWidth).to.be.at.most(360);
    expect(s.visibleTiles).to.be.within(1, 5);
  });

  it('a wide but short stage still puts the strip beside; a square one puts it under', () => {
    expect(computeStage({ count: 2, width: 900, height: 400, screenShare: true })).to.include({ strip: 'side' });
    expect(computeStage({ count: 2, width: 800, height: 800, screenShare: true })).to.include({ strip: 'bottom' });
  });

  it('degenerate sizes give no negative areas', () => {
    const s = computeStage({ count: 0, width: 0, height: 0, screenShare: true });
    if (s.mode !== 'screen') throw new Error('screen expected');
    expect(s.screenWidth).to.be.at.least(0);
    expect(s.screenHeight).to.be.at.least(0);
    expect(s.visibleTiles).to.equal(0);
  });
});
