import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './room.js';
import { initials, type UrbaniaRoom } from './room.component.js';
import { axeViolations, waitFor } from '../../test/helpers.js';
import { StageControl } from '../../core/speaker-focus.js';
import { INITIAL_CALL_STATE, type AttachableTrack } from '../../core/call-session.js';
import { FakeSession, connected, person } from '../../test/fake-session.js';

/** A track that plays a canvas stream, like livekit's attach() sets srcObject. */
function fakeTrack(): AttachableTrack & { attachedTo: HTMLMediaElement[] } {
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 36;
  const stream = canvas.captureStream(5);
  const t = {
    attachedTo: [] as HTMLMediaElement[],
    attach(el: HTMLMediaElement) { el.srcObject = stream; t.attachedTo.push(el); return el; },
    detach(el: HTMLMediaElement) { el.srcObject = null; t.attachedTo = t.attachedTo.filter((x) => x !== el); return el; },
  };
  return t;
}

const q = <T extends Element = Element>(el: UrbaniaRoom, s: string) => el.shadowRoot!.querySelector<T>(s);
const qa = (el: UrbaniaRoom, s: string) => [...el.shadowRoot!.querySelectorAll(s)];

describe('<urbania-room>', () => {
  it('one tile per participant with identity/local attributes, video when there is a camera, initials otherwise', async () => {
    const cam = fakeTrack();
    const bobAudio = fakeTrack();
    const session = new FakeSession(connected([
      person('alice', { name: 'Alice Martin', isLocal: true, cameraOn: true, video: { sid: 'TR_a_cam', track: cam } }),
      person('bob', { name: 'Bob Dupont', micMuted: true, audio: [{ sid: 'TR_b_mic', track: bobAudio }] }),
    ]));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session} .roomName=${'r1'}></urbania-room>`);
    const tiles = qa(el, '[part="tile"]');
    expect(tiles.map((t) => [t.getAttribute('data-identity'), t.getAttribute('data-local')])).to.deep.equal([['alice', 'true'], ['bob', 'false']]);
    const video = tiles[0]!.querySelector('video')!;
    expect(video).to.exist;
    expect(cam.attachedTo).to.deep.equal([video]);
    expect(tiles[1]!.querySelector('video')).to.equal(null);
    expect(tiles[1]!.querySelector('[part="avatar"]')!.textContent).to.equal('BD');
    expect(tiles[1]!.querySelector('[part="muted-indicator"]')).to.exist;
    const audio = q<HTMLAudioElement>(el, 'audio[data-identity="bob"]')!;
    expect(audio).to.exist;
    expect(bobAudio.attachedTo).to.deep.equal([audio]);
    expect(q(el, 'audio[data-identity="alice"]')).to.equal(null);
    expect(qa(el, 'urbania-participants-panel').flatMap((p) => [...p.shadowRoot!.querySelectorAll('[part="participant-list"] li')]).map((li) => li.textContent!.replace(/\s+/g, ' ').trim()))
      .to.deep.equal(['Alice Martin (vous)', 'Bob Dupont (Micro coupé)']);

    // Camera goes off: video detached, initials shown.
    session.set({ participants: [person('alice', { name: 'Alice Martin', isLocal: true }), session.state.participants[1]!] });
    await el.updateComplete;
    expect(cam.attachedTo).to.deep.equal([]);
    expect(q(el, '[data-identity="alice"] [part="avatar"]')!.textContent).to.equal('AM');
  });

  it('mic and camera toggles: icon buttons with a name, a pressed state and a localized tooltip; they call the session', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true })], { micEnabled: true, cameraEnabled: false }));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    const mic = q<HTMLButtonElement>(el, '[part="mic-toggle"]')!;
    const cam = q<HTMLButtonElement>(el, '[part="camera-toggle"]')!;
    expect(mic.getAttribute('aria-label')).to.equal('Microphone');
    expect(mic.getAttribute('aria-pressed')).to.equal('true');
    expect(mic.querySelector('svg')).to.exist;
    expect(mic.dataset['tip']).to.match(/^Couper le microphone \((Ctrl|⌘)\+D\)$/);
    expect(mic.getAttribute('aria-keyshortcuts')).to.equal('Control+D Meta+D');
    expect(cam.getAttribute('aria-pressed')).to.equal('false');
    expect(cam.dataset['tip']).to.match(/^Activer la caméra \((Ctrl|⌘)\+E\)$/);
    mic.click();
    cam.click();
    expect(session.calls).to.deep.equal(['mic:false', 'cam:true']);
    el.locale = 'en';
    await el.updateComplete;
    expect(mic.dataset['tip']).to.match(/^Mute microphone/);
    expect(cam.getAttribute('aria-label')).to.equal('Camera');
    // Every control of the bar has an accessible name and a tooltip; icons are inline SVG, never text glyphs.
    for (const b of qa(el, '.controls button')) {
      expect((b as HTMLElement).dataset['tip'], b.getAttribute('part')!).to.be.a('string').and.not.equal('');
      expect(b.querySelector('svg'), b.getAttribute('part')!).to.exist;
    }
  });

  it('Ctrl/⌘+D and Ctrl/⌘+E toggle mic and camera only with focus inside the call, and announce it', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true })], { micEnabled: true, cameraEnabled: true }));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    // Focus on the page, not in the call: the page keeps its keys.
    const outside = new KeyboardEvent('keydown', { key: 'd', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
    document.body.dispatchEvent(outside);
    expect(session.calls).to.deep.equal([]);
    expect(outside.defaultPrevented).to.equal(false);
    const mic = q<HTMLButtonElement>(el, '[part="mic-toggle"]')!;
    mic.focus();
    const d = new KeyboardEvent('keydown', { key: 'd', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
    mic.dispatchEvent(d);
    expect(d.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(q(el, '#shortcut-status')!.textContent!.trim()).to.equal('Microphone coupé');
    mic.dispatchEvent(new KeyboardEvent('keydown', { key: 'E', metaKey: true, bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    expect(q(el, '#shortcut-status')!.textContent!.trim()).to.equal('Caméra désactivée');
    // Plain letters are not shortcuts.
    mic.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', bubbles: true, composed: true }));
    expect(session.calls).to.deep.equal(['mic:false', 'cam:false']);
  });

  it('a dark stage by default, themable with --urbania-stage-background', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true })]));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    const bg = getComputedStyle(q(el, '[part="room"]')!).backgroundColor;
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, bg).to.be.lessThan(120);
    el.style.setProperty('--_u-stage', 'rgb(1, 2, 3)');
    expect(getComputedStyle(q(el, '[part="room"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('screen share: the toggle asks the host; a presenter takes the stage with the others in a strip; the sharer gets a banner with stop', async () => {
    const screen = fakeTrack();
    const session = new FakeSession(connected([person('me', { isLocal: true }), person('bob', { name: 'Bob Dupont' })], { canScreenShare: true }));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room style="display:block;width:1200px;height:700px" .session=${session}></urbania-room>`);
    const asked: boolean[] = [];
    el.addEventListener('room-screen-share', (e) => asked.push(e.detail));
    const toggle = q<HTMLButtonElement>(el, '[part="screen-share-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    expect(asked).to.deep.equal([true]);
    expect(q(el, '[part="screen-share"]')).to.equal(null);

    // Bob presents: his screen on the stage, everyone in a strip beside it (wide element).
    session.set({ participants: [person('me', { isLocal: true }), person('bob', { name: 'Bob Dupont', screen: { sid: 'TR_bs', track: screen } })] });
    await waitFor(() => q(el, '[part="stage"][data-strip="side"]'), 3000, 'strip beside');
    const shown = q(el, '[part="screen-share"]')!;
    expect(shown.getAttribute('data-identity')).to.equal('bob');
    expect(screen.attachedTo).to.deep.equal([shown.querySelector('video')]);
    expect(qa(el, '[part="strip"] [part="tile"]').map((t) => t.getAttribute('data-identity'))).to.deep.equal(['me', 'bob']);
    expect(q(el, '[part="grid"]')).to.equal(null);
    expect(q(el, '[part="screen-share-banner"]')).to.equal(null);

    // We present (bob stopped): our banner with its stop button, the toggle pressed.
    session.set({ screenShareEnabled: true, participants: [person('me', { isLocal: true, screen: { sid: 'TR_ms', track: fakeTrack() } }), person('bob')] });
    await el.updateComplete;
    expect(q(el, '[part="screen-share-banner"]')!.textContent).to.contain('Vous présentez votre écran');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    q<HTMLButtonElement>(el, '[part="stop-screen-share"]')!.click();
    toggle.click();
    expect(asked).to.deep.equal([true, false, false]);

    // Narrow element: the strip goes under the screen.
    el.style.width = '360px';
    el.style.height = '640px';
    await waitFor(() => q(el, '[part="stage"][data-strip="bottom"]'), 3000, 'strip under');

    // Sharing stopped (e.g. the browser's own button): the grid is back.
    session.set({ screenShareEnabled: false, participants: [person('me', { isLocal: true }), person('bob')] });
    await el.updateComplete;
    expect(q(el, '[part="grid"]')).to.exist;
    expect(q(el, '[part="screen-share-banner"]')).to.equal(null);
  });

  it('no screen-share control where sharing is not allowed (audio call, audience)', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true })], { callType: 'audio', canScreenShare: false }));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    expect(q(el, '[part="screen-share-toggle"]')).to.equal(null);
  });

  it('audio calls show no camera toggle', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true })], { callType: 'audio' }));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    expect(q(el, '[part="mic-toggle"]')).to.exist;
    expect(q(el, '[part="camera-toggle"]')).to.equal(null);
    expect(q(el, 'video')).to.equal(null);
  });

  it('webinar audience sees no publish controls', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true, canPublish: false, hasMic: false }), person('speaker', { cameraOn: true, video: { sid: 'v', track: fakeTrack() } })], { canPublish: false, micEnabled: false, cameraEnabled: false }));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    expect(q(el, '[part="mic-toggle"]')).to.equal(null);
    expect(q(el, '[part="camera-toggle"]')).to.equal(null);
    expect(q(el, '[part="leave-button"]')).to.exist;
    expect(q(el, '[part="audience-notice"]')).to.exist;
    expect(q(el, '[data-identity="speaker"] video')).to.exist;
  });

  it('leave fires room-leave; disconnected shows the reason and a rejoin button', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true })]));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    const left = oneEvent(el, 'room-leave');
    q<HTMLButtonElement>(el, '[part="leave-button"]')!.click();
    await left;
    session.set({ connection: 'disconnected', reason: 'participant_removed', participants: [] });
    await el.updateComplete;
    expect(q(el, '[part="connection-status"]')!.textContent!.trim()).to.equal('Déconnecté : un hôte vous a retiré de l’appel');
    expect(q(el, '[part="leave-button"]')).to.equal(null);
    const rejoin = oneEvent(el, 'room-rejoin');
    q<HTMLButtonElement>(el, '[part="rejoin-button"]')!.click();
    await rejoin;
    // A host ended the room for everyone: said so, and no rejoin (the room refuses joins from then on).
    session.set({ connection: 'disconnected', reason: 'room_deleted', participants: [] });
    await el.updateComplete;
    expect(q(el, '[part="connection-status"]')!.textContent!.trim()).to.equal('Déconnecté : un hôte a mis fin à l’appel pour tous');
    expect(q(el, '[part="rejoin-button"]')).to.equal(null);
  });

  it('shows connecting and reconnecting', async () => {
    const session = new FakeSession({ ...INITIAL_CALL_STATE, connection: 'connecting' });
    const el = await fixture<UrbaniaRoom>(html`<urbania-room locale="en" .session=${session}></urbania-room>`);
    expect(q(el, '[part="connection-status"]')!.textContent!.trim()).to.equal('Connecting…');
    session.set({ connection: 'reconnecting', participants: [person('me', { isLocal: true })] });
    await el.updateComplete;
    expect(q(el, '[part="connection-status"]')!.textContent!.trim()).to.equal('Reconnecting…');
  });

  it('lays out by its own width and paginates in a 360 px sidebar', async () => {
    const many = Array.from({ length: 12 }, (_, i) => person(`p${i}`, { isLocal: i === 0, name: `Person ${i}` }));
    const session = new FakeSession(connected(many));
    const box = await fixture<HTMLDivElement>(html`<div style="width:360px;height:640px;display:flex"><urbania-room style="flex:1" .session=${session}></urbania-room></div>`);
    const el = box.querySelector('urbania-room') as UrbaniaRoom;
    const colsOf = () => getComputedStyle(q(el, '.grid')!).gridTemplateColumns.split(' ').length;
    await waitFor(() => q(el, '[part="pager"]') && colsOf() <= 2, 3000, 'pager and 2 columns');
    const tiles = qa(el, '[part="tile"]');
    expect(tiles.length).to.be.lessThan(12);
    expect(tiles[0]!.getAttribute('data-identity')).to.equal('p0');
    const first = tiles.length;
    q<HTMLButtonElement>(el, '[part="next-page"]')!.click();
    await el.updateComplete;
    expect(q(el, '[part="tile"]')!.getAttribute('data-identity')).to.equal(`p${first}`);
    // Wide container: more columns, fewer pages.
    box.style.width = '1400px';
    box.style.height = '900px';
    await waitFor(() => colsOf() > 2, 3000, 'more columns when wide');
    expect(qa(el, '[part="tile"]').length).to.equal(12);
    expect(q(el, '[part="pager"]')).to.equal(null);
  });

  it('speaker view: the layout toggle (pressed state, tooltip) shows the active speaker large and the others in a strip', async () => {
    const bobCam = fakeTrack();
    const session = new FakeSession(connected([
      person('me', { isLocal: true }),
      person('bob', { name: 'Bob Dupont', cameraOn: true, video: { sid: 'TR_b', track: bobCam } }),
      person('carol', { name: 'Carole' }),
    ]));
    const stage = new StageControl();
    const el = await fixture<UrbaniaRoom>(html`<urbania-room style="display:block;width:1200px;height:700px" .session=${session} .stage=${stage}></urbania-room>`);
    const toggle = q<HTMLButtonElement>(el, '[part="layout-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Vue intervenant');
    expect(toggle.dataset['tip']).to.equal('Afficher l’intervenant en grand');
    expect(q(el, '[part="spotlight"]')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(stage.state.layout).to.equal('speaker');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(q(el, '#stage-status')!.textContent!.trim()).to.equal('Vue intervenant');
    // Nobody spoke yet: the first remote participant; the others in the strip beside (wide element).
    await waitFor(() => q(el, '[part="stage"][data-mode="speaker"][data-strip="side"]'), 3000, 'speaker stage');
    expect(q(el, '[part="spotlight"]')!.getAttribute('data-identity')).to.equal('bob');
    expect(bobCam.attachedTo).to.deep.equal([q(el, '[part="spotlight"] video')]);
    expect(qa(el, '[part="strip"] [part="tile"]').map((t) => t.getAttribute('data-identity'))).to.deep.equal(['me', 'carol']);
    // Carol speaks: she takes the stage (bob was quiet); her tile is marked speaking by outline AND icon.
    session.set({ speaking: ['carol'], participants: session.state.participants.map((p) => p.identity === 'carol' ? { ...p, isSpeaking: true } : p) });
    await waitFor(() => q(el, '[part="spotlight"][data-identity="carol"]'), 4000, 'carol on the stage');
    expect(q(el, '[part="spotlight"] [part="tile"]')!.getAttribute('data-speaking')).to.equal('true');
    expect(q(el, '[part="spotlight"] [part="speaking-indicator"]')).to.exist;
    expect(qa(el, '[part="strip"] [part="tile"]').map((t) => t.getAttribute('data-identity'))).to.deep.equal(['me', 'bob']);
    // Bob coughs right after: carol stays (held).
    session.set({ speaking: ['bob'] });
    await el.updateComplete;
    expect(q(el, '[part="spotlight"]')!.getAttribute('data-identity')).to.equal('carol');
    // Narrow element: the strip goes under.
    el.style.width = '360px';
    el.style.height = '640px';
    await waitFor(() => q(el, '[part="stage"][data-mode="speaker"][data-strip="bottom"]'), 3000, 'strip under');
    // Back to the grid.
    toggle.click();
    await el.updateComplete;
    expect(q(el, '[part="grid"]')).to.exist;
    expect(q(el, '#stage-status')!.textContent!.trim()).to.equal('Vue mosaïque');
  });

  it('pin from a tile (keyboard-operable button with a name and pressed state) puts that participant on the stage; unpin', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true }), person('bob', { name: 'Bob' }), person('carol', { name: 'Carole' })], { speaking: ['bob'] }));
    const stage = new StageControl();
    const el = await fixture<UrbaniaRoom>(html`<urbania-room locale="en" style="display:block;width:900px;height:600px" .session=${session} .stage=${stage}></urbania-room>`);
    const pin = q<HTMLButtonElement>(el, '[data-identity="carol"] [part="pin-button"]')!;
    expect(pin.tagName).to.equal('BUTTON');
    expect(pin.getAttribute('aria-label')).to.equal('Pin Carole');
    expect(pin.getAttribute('aria-pressed')).to.equal('false');
    expect(getComputedStyle(pin).opacity).to.equal('0'); // shown on hover and focus only
    pin.focus();
    await waitFor(() => getComputedStyle(pin).opacity === '1', 2000, 'pin button shown on focus');
    pin.click();
    await waitFor(() => q(el, '[part="spotlight"][data-identity="carol"][data-reason="pinned"]'), 3000, 'carol pinned');
    expect(stage.state).to.deep.equal({ layout: 'speaker', pinned: 'carol' });
    expect(q(el, '#stage-status')!.textContent!.trim()).to.equal('Pinned: Carole');
    // Bob keeps speaking: the pin wins.
    session.set({ speaking: ['bob'] });
    await el.updateComplete;
    const unpin = q<HTMLButtonElement>(el, '[part="spotlight"] [part="pin-button"]')!;
    expect(unpin.getAttribute('aria-pressed')).to.equal('true');
    expect(unpin.getAttribute('aria-label')).to.equal('Unpin Carole');
    expect(q(el, '[part="spotlight"] [part="tile"]')!.getAttribute('data-pinned')).to.equal('true');
    unpin.click();
    await el.updateComplete;
    expect(stage.state.pinned).to.equal(undefined);
    expect(q(el, '#stage-status')!.textContent!.trim()).to.equal('Unpinned');
    // Still the speaker view, now on the active speaker.
    await waitFor(() => q(el, '[part="spotlight"][data-identity="bob"][data-reason="speaker"]'), 3000, 'bob as speaker');
    // The host page's pin() goes through the same control.
    stage.pin('me', session.state);
    await waitFor(() => q(el, '[part="spotlight"][data-identity="me"]'), 3000, 'ourselves pinned');
  });

  it('a screen share takes the stage in the speaker view; a pin wins over it', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true }), person('bob', { screen: { sid: 'TR_bs', track: fakeTrack() } }), person('carol')]));
    const stage = new StageControl();
    stage.setLayout('speaker', session.state);
    const el = await fixture<UrbaniaRoom>(html`<urbania-room style="display:block;width:900px;height:600px" .session=${session} .stage=${stage}></urbania-room>`);
    expect(q(el, '[part="stage"]')!.getAttribute('data-mode')).to.equal('screen');
    expect(qa(el, '[part="strip"] [part="tile"]').length).to.equal(3);
    stage.pin('carol', session.state);
    await el.updateComplete;
    expect(q(el, '[part="stage"]')!.getAttribute('data-mode')).to.equal('speaker');
    expect(q(el, '[part="spotlight"]')!.getAttribute('data-identity')).to.equal('carol');
  });

  it('the PiP toggle (only where available) asks the host, shows its state, and the room announces it; pipVideo() picks the focus', async () => {
    const cam = fakeTrack();
    const session = new FakeSession(connected([person('me', { isLocal: true, video: { sid: 'v_me', track: fakeTrack() } }), person('bob', { video: { sid: 'v_b', track: cam } })]));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room locale="en" .session=${session}></urbania-room>`);
    expect(q(el, '[part="pip-toggle"]')).to.equal(null);
    expect(q(el, '[part="layout-toggle"]')).to.equal(null); // no stage control: no layout toggle
    el.pip = { available: true, open: false };
    await el.updateComplete;
    const asked: boolean[] = [];
    el.addEventListener('room-pip', (e) => asked.push(e.detail));
    const btn = q<HTMLButtonElement>(el, '[part="pip-toggle"]')!;
    expect(btn.getAttribute('aria-label')).to.equal('Floating window');
    expect(btn.dataset['tip']).to.equal('Open the call in a floating window');
    btn.click();
    el.pip = { available: true, open: true };
    await el.updateComplete;
    expect(btn.getAttribute('aria-pressed')).to.equal('true');
    expect(btn.dataset['tip']).to.equal('Bring the call back to the page');
    expect(q(el, '#stage-status')!.textContent!.trim()).to.equal('The call is in a floating window');
    btn.click();
    expect(asked).to.deep.equal([true, false]);
    // Grid: a remote camera, never ours first.
    expect(el.pipVideo()).to.equal(q(el, 'video[data-identity="bob"]'));
    expect(cam.attachedTo).to.include(el.pipVideo()!);
  });

  it('initials', () => {
    expect(initials('Alice Martin')).to.equal('AM');
    expect(initials('carole')).to.equal('CA');
    expect(initials('jean-paul sartre')).to.equal('JS');
    expect(initials('')).to.equal('?');
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`has no axe violations (${locale}, 3 participants, one speaking and muted)`, async () => {
      const session = new FakeSession(connected([
        person('alice', { isLocal: true, name: 'Alice Martin', cameraOn: true, video: { sid: 'v1', track: fakeTrack() } }),
        person('bob', { name: 'Bob Dupont', isSpeaking: true }),
        person('carol', { name: 'Carole Lefèvre', micMuted: true }),
      ], { speaking: ['bob'], canScreenShare: true }));
      const el = await fixture<UrbaniaRoom>(html`<urbania-room .locale=${locale} .roomName=${'r1'} .session=${session}></urbania-room>`);
      expect(await axeViolations(el)).to.deep.equal([]);
    });

    it(`has no axe violations in the speaker view with a pin (${locale})`, async () => {
      const session = new FakeSession(connected([
        person('alice', { isLocal: true, name: 'Alice Martin' }),
        person('bob', { name: 'Bob Dupont', isSpeaking: true, cameraOn: true, video: { sid: 'v2', track: fakeTrack() } }),
        person('carol', { name: 'Carole Lefèvre' }),
      ], { speaking: ['bob'] }));
      const stage = new StageControl();
      stage.pin('carol', session.state);
      const el = await fixture<UrbaniaRoom>(html`<urbania-room style="display:block;width:900px;height:600px" .locale=${locale} .roomName=${'r1'} .session=${session}
        .stage=${stage} .pip=${{ available: true, open: false }}></urbania-room>`);
      expect(q(el, '[part="spotlight"]')).to.exist;
      expect(await axeViolations(el)).to.deep.equal([]);
    });

    it(`has no axe violations while presenting, with the participants panel open (${locale})`, async () => {
      const session = new FakeSession(connected([
        person('alice', { isLocal: true, name: 'Alice Martin', screen: { sid: 's1', track: fakeTrack() } }),
        person('bob', { name: 'Bob Dupont', cameraOn: true, video: { sid: 'v2', track: fakeTrack() } }),
      ], { canScreenShare: true, screenShareEnabled: true, micEnabled: false }));
      const el = await fixture<UrbaniaRoom>(html`<urbania-room style="display:block;width:900px;height:600px" .locale=${locale} .roomName=${'r1'} .session=${session}></urbania-room>`);
      q<HTMLButtonElement>(el, '[part="people-toggle"]')!.click();
      await el.updateComplete;
      expect(q(el, 'urbania-participants-panel')!.shadowRoot!.querySelector('[part="participant-list"]')!.checkVisibility()).to.equal(true);
      expect(q(el, '[part="people-toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});
