import { expect } from '@open-wc/testing';
import { updateTileOrder } from './tile-order.js';

describe('tile-order', () => {
  it('keeps places when someone leaves and appends newcomers', () => {
    let order = updateTileOrder([], ['me', 'a', 'b', 'c']);
    expect(order).to.deep.equal(['me', 'a', 'b', 'c']);
    order = updateTileOrder(order, ['me', 'c', 'b', 'd']);
    expect(order).to.deep.equal(['me', 'b', 'c', 'd']);
  });

  it('the local participant stays first', () => {
    expect(updateTileOrder(['a', 'b'], ['a', 'b', 'me'], { first: 'me' })).to.deep.equal(['me', 'a', 'b']);
  });

  it('does not reorder on input order changes', () => {
    const order = ['me', 'a', 'b'];
    expect(updateTileOrder(order, ['b', 'a', 'me'], { first: 'me' })).to.deep.equal(order);
  });

  it('swaps a speaker from a later page onto the first page', () => {
    const order = updateTileOrder(['me', 'a', 'b', 'c', 'd'], ['me', 'a', 'b', 'c', 'd'], { first: 'me', pageSize: 2, speaking: ['d'] });
    expect(order.slice(0, 2)).to.deep.equal(['me', 'd']);
    expect(order).to.have.members(['me', 'a', 'b', 'c', 'd']);
  });

  it('leaves visible speakers where they are', () => {
    const order = updateTileOrder(['me', 'a', 'b'], ['me', 'a', 'b'], { first: 'me', pageSize: 2, speaking: ['a'] });
    expect(order).to.deep.equal(['me', 'a', 'b']);
  });
});
