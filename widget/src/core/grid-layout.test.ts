import { expect } from '@open-wc/testing';
import { computeGrid, paginate } from './grid-layout.js';

describe('grid-layout', () => {
  it('one tile fills the container', () => {
    const g = computeGrid({ count: 1, width: 800, height: 450 });
    expect(g).to.include({ columns: 1, rows: 1, pages: 1 });
  });

  it('two tiles side by side in a wide container, stacked in a tall one', () => {
    expect(computeGrid({ count: 2, width: 1200, height: 400 })).to.include({ columns: 2, rows: 1 });
    expect(computeGrid({ count: 2, width: 360, height: 700 })).to.include({ columns: 1, rows: 2 });
  });

  it('four tiles make a 2x2 grid on a 16:9 stage', () => {
    expect(computeGrid({ count: 4, width: 1280, height: 720 })).to.include({ columns: 2, rows: 2 });
  });

  it('a 360 px sidebar gets at most 2 columns and paginates', () => {
    const g = computeGrid({ count: 12, width: 360, height: 480 });
    expect(g.columns).to.be.at.most(2);
    expect(g.pageSize).to.equal(2 * 4);
    expect(g.pages).to.equal(2);
    expect(g.columns * g.rows).to.be.at.least(Math.min(12, g.pageSize));
  });

  it('never returns zero or NaN for an unmeasured container', () => {
    const g = computeGrid({ count: 3, width: 0, height: 0 });
    expect(g.columns).to.equal(1);
    expect(g.pageSize).to.equal(1);
    expect(g.pages).to.equal(3);
    expect(Number.isFinite(g.tileWidth)).to.equal(true);
  });

  it('caps the page size', () => {
    expect(computeGrid({ count: 100, width: 4000, height: 3000, maxPerPage: 16 }).pageSize).to.equal(16);
  });

  it('paginate clamps the page', () => {
    const items = [1, 2, 3, 4, 5];
    expect(paginate(items, 0, 2)).to.deep.equal({ items: [1, 2], page: 0, pages: 3 });
    expect(paginate(items, 9, 2)).to.deep.equal({ items: [5], page: 2, pages: 3 });
    expect(paginate(items, -1, 2).page).to.equal(0);
    expect(paginate([], 0, 4)).to.deep.equal({ items: [], page: 0, pages: 1 });
  });
});
