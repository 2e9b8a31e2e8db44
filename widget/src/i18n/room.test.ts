import { expect } from '@open-wc/testing';
import { fr } from './fr.js';
import { en } from './en.js';
import { roomFr } from './room.fr.js';
import { roomEn } from './room.en.js';
import { translator } from './room.js';

const keys = (o: object) => Object.keys(o).sort();

describe('i18n: the entry catalogue and the room catalogue', () => {
  it('French and English have the same keys, in each catalogue, and no key is in both catalogues', () => {
    expect(keys(en)).to.deep.equal(keys(fr));
    expect(keys(roomEn)).to.deep.equal(keys(roomFr));
    expect(keys(fr).filter((k) => k in roomFr)).to.deep.equal([]);
    for (const [name, cat] of [['fr', fr], ['en', en], ['room.fr', roomFr], ['room.en', roomEn]] as const) {
      for (const [k, v] of Object.entries(cat)) expect(v, `${name} ${k}`).to.be.a('string').and.not.equal('');
    }
  });

  it('the room translator has the call\'s strings and the entry\'s', () => {
    expect(translator('fr')('announce.handRaised', { name: 'Bob' })).to.equal('Bob lève la main');
    expect(translator('en')('room.leave')).to.equal(roomEn['room.leave']);
    expect(translator('en')('error.not_in_call')).to.equal(en['error.not_in_call']);
  });
});
