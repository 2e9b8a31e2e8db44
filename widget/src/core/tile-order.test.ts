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

describe('tile-order with a participant on the stage (exclude)', () => {
  it('the staged participant keeps its place and takes no slot: a speaker beyond the visible strip is swapped in past it', () => {
    // Strip shows 2 tiles; 'a' is on the stage, so the strip lists me, b | c, d.
    const order = updateTileOrder(['me', 'a', 'b', 'c', 'd'], ['me', 'a', 'b', 'c', 'd'], { first: 'me', pageSize: 2, speaking: ['d'], exclude: ['a'] });
    expect(order.filter((id) => id !== 'a').slice(0, 2)).to.deep.equal(['me', 'd']);
    expect(order[1]).to.equal('a');
  });

  it('a speaker already visible in the strip is not moved; the staged speaker is never swapped', () => {
    const order = updateTileOrder(['me', 'a', 'b', 'c'], ['me', 'a', 'b', 'c'], { first: 'me', pageSize: 2, speaking: ['a', 'c'], exclude: ['c'] });
    expect(order).to.deep.equal(['me', 'a', 'b', 'c']);
  });

  it('people joining go to the end and nobody visible moves', () => {
    let order = updateTileOrder([], ['me', 'a', 'b'], { first: 'me', pageSize: 3 });
    order = updateTileOrder(order, ['x', 'me', 'a', 'y', 'b'], { first: 'me', pageSize: 3 });
    expect(order).to.deep.equal(['me', 'a', 'b', 'x', 'y']);
  });
});
