import { expect } from '@open-wc/testing';
import { DEFAULT_USER_CHOICES, loadUserChoices, saveUserChoices } from './user-choices.js';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
}

describe('user-choices', () => {
  it('returns defaults when nothing is stored', () => {
    expect(loadUserChoices(new MemoryStorage())).to.deep.equal(DEFAULT_USER_CHOICES);
  });

  it('round-trips and merges', () => {
    const s = new MemoryStorage();
    saveUserChoices({ displayName: 'Alice', videoEnabled: false }, s);
    saveUserChoices({ audioDeviceId: 'mic-2' }, s);
    expect(loadUserChoices(s)).to.include({ displayName: 'Alice', videoEnabled: false, audioDeviceId: 'mic-2', audioEnabled: true });
  });

  it('is namespaced by key', () => {
    const s = new MemoryStorage();
    saveUserChoices({ displayName: 'A' }, s, 'one');
    expect(loadUserChoices(s, 'two').displayName).to.equal('');
  });

  it('ignores corrupt JSON and wrongly typed fields', () => {
    const s = new MemoryStorage();
    s.setItem('k', '{not json');
    expect(loadUserChoices(s, 'k')).to.deep.equal(DEFAULT_USER_CHOICES);
    s.setItem('k', JSON.stringify({ displayName: 42, audioEnabled: 'yes', videoEnabled: false }));
    expect(loadUserChoices(s, 'k')).to.include({ displayName: '', audioEnabled: true, videoEnabled: false });
  });

  it('survives a storage that throws', () => {
    const bad = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('QuotaExceededError'); } };
    expect(loadUserChoices(bad)).to.deep.equal(DEFAULT_USER_CHOICES);
    expect(saveUserChoices({ displayName: 'x' }, bad).displayName).to.equal('x');
    expect(loadUserChoices(undefined)).to.deep.equal(DEFAULT_USER_CHOICES);
  });
});
