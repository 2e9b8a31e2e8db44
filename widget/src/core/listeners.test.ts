import { expect } from '@open-wc/testing';
import { Listeners } from './listeners.js';

describe('Listeners', () => {
  it('calls every listener in order; one that throws does not stop the others', () => {
    const seen: string[] = [];
    const l = new Listeners<number>();
    l.add((v) => seen.push(`a${v}`));
    l.add(() => {
      throw new Error('boom');
    });
    l.add((v) => seen.push(`c${v}`));
    const original = console.error;
    console.error = () => {};
    try {
      l.emit(1);
    } finally {
      console.error = original;
    }
    expect(seen).to.deep.equal(['a1', 'c1']);
  });

  it('the function add() returns removes that listener, also while emitting', () => {
    const seen: number[] = [];
    const l = new Listeners<number>();
    const off = l.add((v) => {
      seen.push(v);
      off();
    });
    l.emit(1);
    l.emit(2);
    expect(seen).to.deep.equal([1]);
  });
});
