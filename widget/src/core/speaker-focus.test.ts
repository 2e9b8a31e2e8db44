import { expect } from '@open-wc/testing';
import { SpeakerFocus, StageControl, chooseStageFocus, isStageLayout } from './speaker-focus.js';
import { MeetingError } from './flow-error.js';

const people = (...ids: string[]) => ids.map((identity, i) => ({ identity, isLocal: i === 0 && identity === 'me' }));

describe('SpeakerFocus (held active speaker)', () => {
  it('starts on the loudest remote speaker; without speech, on the first remote participant; alone, on ourselves', () => {
    expect(new SpeakerFocus().update({ participants: people('me', 'a', 'b'), speaking: ['b', 'a'], now: 0 }).identity).to.equal('b');
    expect(new SpeakerFocus().update({ participants: people('me', 'a', 'b'), speaking: [], now: 0 }).identity).to.equal('a');
    expect(new SpeakerFocus().update({ participants: people('me'), speaking: [], now: 0 }).identity).to.equal('me');
  });

  it('never focuses the local participant while someone else is there, even when only we speak', () => {
    const f = new SpeakerFocus();
    expect(f.update({ participants: people('me', 'a'), speaking: ['me'], now: 0 }).identity).to.equal('a');
  });

  it('keeps the last speaker when everyone is quiet', () => {
    const f = new SpeakerFocus({ holdMs: 1000 });
    f.update({ participants: people('me', 'a', 'b'), speaking: ['b'], now: 0 });
    expect(f.update({ participants: people('me', 'a', 'b'), speaking: [], now: 10_000 }).identity).to.equal('b');
  });

  it('a short sound from someone else does not take the stage; a switch waits for the hold and says when to look again', () => {
    const f = new SpeakerFocus({ holdMs: 1000 });
    const p = people('me', 'a', 'b');
    f.update({ participants: p, speaking: ['a'], now: 0 });
    // b coughs 200 ms after a's last word: a stays, re-check when a has been quiet for the hold.
    const r = f.update({ participants: p, speaking: ['b'], now: 200 });
    expect(r).to.deep.equal({ identity: 'a', recheckInMs: 800 });
    // b stopped before the hold ended: still a.
    expect(f.update({ participants: p, speaking: [], now: 1000 }).identity).to.equal('a');
    // b speaks again, a quiet for over the hold: b takes the stage.
    expect(f.update({ participants: p, speaking: ['b'], now: 1500 })).to.deep.equal({ identity: 'b', recheckInMs: undefined });
    // a answers at once: b was just put on the stage, so a waits for b's hold.
    const back = f.update({ participants: p, speaking: ['a'], now: 1600 });
    expect(back.identity).to.equal('b');
    expect(back.recheckInMs).to.equal(900);
    // The current speaker talking over others stays.
    expect(f.update({ participants: p, speaking: ['a', 'b'], now: 5000 }).identity).to.equal('b');
  });

  it('when the one on the stage leaves, the most recent other speaker takes it at once', () => {
    const f = new SpeakerFocus({ holdMs: 1000 });
    f.update({ participants: people('me', 'a', 'b', 'c'), speaking: ['c'], now: 0 });
    f.update({ participants: people('me', 'a', 'b', 'c'), speaking: ['b'], now: 100 });
    f.update({ participants: people('me', 'a', 'b', 'c'), speaking: [], now: 200 });
    expect(f.update({ participants: people('me', 'a', 'b'), speaking: [], now: 300 }).identity).to.equal('b');
  });

  it('reset forgets the last speaker', () => {
    const f = new SpeakerFocus();
    f.update({ participants: people('me', 'a', 'b'), speaking: ['b'], now: 0 });
    f.reset();
    expect(f.update({ participants: people('me', 'a', 'b'), speaking: [], now: 1 }).identity).to.equal('a');
  });
});

describe('chooseStageFocus', () => {
  it('pinned first, then a shared screen, then the speaker in the speaker layout, else nothing (grid)', () => {
    expect(chooseStageFocus({ layout: 'grid', pinned: 'a', presenter: 'b', speaker: 'c' })).to.deep.equal({ kind: 'participant', identity: 'a', reason: 'pinned' });
    expect(chooseStageFocus({ layout: 'grid', pinned: undefined, presenter: 'b', speaker: 'c' })).to.deep.equal({ kind: 'screen', identity: 'b' });
    expect(chooseStageFocus({ layout: 'speaker', pinned: undefined, presenter: undefined, speaker: 'c' })).to.deep.equal({ kind: 'participant', identity: 'c', reason: 'speaker' });
    expect(chooseStageFocus({ layout: 'grid', pinned: undefined, presenter: undefined, speaker: 'c' })).to.deep.equal({ kind: 'none' });
  });
});

describe('StageControl', () => {
  const call = { connection: 'connected', participants: [{ identity: 'me' }, { identity: 'a' }] };
  const codeOf = (fn: () => void) => { try { fn(); } catch (e) { expect(e).to.be.instanceOf(MeetingError); return (e as MeetingError).code; } return 'no error'; };

  it('validates: not in a call, unknown layout, unknown participant', () => {
    const s = new StageControl();
    expect(codeOf(() => s.setLayout('speaker', { connection: 'idle', participants: [] }))).to.equal('not_in_call');
    expect(codeOf(() => s.pin('a', { connection: 'disconnected', participants: [] }))).to.equal('not_in_call');
    expect(codeOf(() => s.setLayout('mosaic', call))).to.equal('invalid_layout');
    expect(codeOf(() => s.pin('zoe', call))).to.equal('unknown_participant');
    expect(s.state).to.deep.equal({ layout: 'grid', pinned: undefined });
    expect(isStageLayout('speaker') && !isStageLayout('Speaker')).to.equal(true);
  });

  it('pin shows the speaker layout; grid unpins; a pinned participant who leaves is unpinned; subscribers hear changes once', () => {
    const s = new StageControl();
    const seen: string[] = [];
    s.subscribe((v) => seen.push(`${v.layout}:${v.pinned ?? '-'}`));
    s.pin('a', call);
    s.pin('a', call);
    s.setLayout('grid', call);
    s.pin('a', call);
    s.pin(null, call);
    s.pin('a', call);
    s.sync({ connection: 'connected', participants: [{ identity: 'me' }] });
    s.sync({ connection: 'connected', participants: [{ identity: 'me' }] });
    expect(seen).to.deep.equal(['grid:-', 'speaker:a', 'grid:-', 'speaker:a', 'speaker:-', 'speaker:a', 'speaker:-']);
  });
});
