import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import './urbania-meeting.js';
import type { UrbaniaMeeting } from './urbania-meeting.component.js';
import { axeViolations, deepQuery, deepQueryAll, joinResponse, roomInfo, stubFetch, waitFor, type FakeRoute, type FetchStub } from '../test/helpers.js';
import { STORAGE_KEY } from '../core/user-choices.js';
import { FakeParticipant, lastRoom } from '../test/fake-livekit.js';
import { SERVICE, codeOf, joinOnFakeLiveKit, withFakeLiveKit } from '../test/meeting-in-call.js';
import { RoomEvent, DisconnectReason } from 'livekit-client';
import { sendMouse } from '@web/test-runner-commands';

const contacts = [{ id: 'bob', name: 'Bob Dupont' }, { id: 'carol', name: 'Carole Lefèvre' }];

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** getUserMedia spy that records constraints and the tracks it hands out. */
function spyGetUserMedia() {
  const md = navigator.mediaDevices;
  const original = md.getUserMedia.bind(md);
  const calls: MediaStreamConstraints[] = [];
  const tracks: MediaStreamTrack[] = [];
  md.getUserMedia = async (c?: MediaStreamConstraints) => {
    calls.push(c ?? {});
    const s = await original(c);
    tracks.push(...s.getTracks());
    return s;
  };
  return { calls, tracks, restore: () => { md.getUserMedia = original; } };
}

describe('<urbania-meeting>', () => {
  let stub: FetchStub | undefined;
  let gum: ReturnType<typeof spyGetUserMedia> | undefined;
  const htmlLang = document.documentElement.lang;

  beforeEach(() => { localStorage.removeItem(STORAGE_KEY); });
  afterEach(() => {
    stub?.restore(); stub = undefined;
    gum?.restore(); gum = undefined;
    document.documentElement.lang = htmlLang;
  });

  it('renders the pre-join view in French by default, with the contract parts', async () => {
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting .contacts=${contacts}></urbania-meeting>`);
    await waitFor(() => deepQuery(el, '[part="start-button"]'));
    expect(el.getAttribute('connection-state')).to.equal('idle');
    expect(el.view).to.equal('pre-join');
    expect(text(deepQuery(el, '[part="start-button"]'))).to.equal("Démarrer l'appel");
    for (const part of ['prejoin', 'room-name-input', 'display-name-input', 'call-type-select']) {
      expect(deepQuery(el, `[part="${part}"]`), part).to.exist;
    }
    const options = [...deepQuery<HTMLSelectElement>(el, '[part="call-type-select"]')!.options].map((o) => o.value);
    expect(options).to.deep.equal(['video', 'audio', 'webinar']);
    expect(deepQueryAll(el, '[part="contact"]').map((c) => c.getAttribute('data-id'))).to.deep.equal(['bob', 'carol']);
    expect(el.livekitRoom).to.equal(undefined);
  });

  it('switches language at runtime through the lang attribute, and defaults from <html lang>', async () => {
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting></urbania-meeting>`);
    el.setAttribute('lang', 'en');
    await waitFor(() => text(deepQuery(el, '[part="start-button"]')) === 'Start call', 2000, 'English label');
    el.setAttribute('lang', 'fr');
    await waitFor(() => text(deepQuery(el, '[part="start-button"]')) === "Démarrer l'appel", 2000, 'French label');

    document.documentElement.lang = 'en-GB';
    const el2 = await fixture<UrbaniaMeeting>(html`<urbania-meeting></urbania-meeting>`);
    await waitFor(() => text(deepQuery(el2, '[part="start-button"]')) === 'Start call', 2000, 'English from <html lang>');
  });

  it('"Démarrer l\'appel" creates the room, fires urbania-room-created, then join errors are visible, localized and fired', async () => {
    stub = stubFetch([
      { method: 'POST', path: '/api/livekit/rooms', status: 201, body: roomInfo({ room_name: 'point-hebdo', participants: ['alice', 'bob'] }) },
      { method: 'POST', path: '/api/livekit/rooms/point-hebdo/join', status: 403, body: { error: { code: 'forbidden', message: 'not invited' } } },
    ]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting service-url=${SERVICE} .authToken=${'jwt-alice'} .contacts=${contacts}></urbania-meeting>`);
    const input = await waitFor(() => deepQuery<HTMLInputElement>(el, '[part="room-name-input"]'));
    input.value = 'point-hebdo';
    const nameInput = deepQuery<HTMLInputElement>(el, '[part="display-name-input"]')!;
    nameInput.value = 'Alice M.';
    nameInput.dispatchEvent(new Event('input'));
    deepQuery<HTMLInputElement>(el, '[part="contact"][data-id="bob"] input')!.click();
    const created = oneEvent(el, 'urbania-room-created');
    const errored = oneEvent(el, 'urbania-error');
    deepQuery<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    const ev = await created;
    expect(ev.detail.room.room_name).to.equal('point-hebdo');
    expect(ev.bubbles && ev.composed).to.equal(true);
    expect(stub.calls[0]).to.deep.include({ method: 'POST', auth: 'Bearer jwt-alice' });
    expect(stub.calls[0]!.body).to.deep.equal({ room_name: 'point-hebdo', participants: ['bob'], call_type: 'video' });
    const err = await errored;
    // The chosen display name goes to the service, which puts it in the LiveKit token.
    expect(stub.calls[1]).to.deep.include({ method: 'POST', body: { username: 'Alice M.' } });
    expect(err.detail).to.deep.equal({ code: 'forbidden', message: "Vous n'avez pas accès à cette salle." });
    await waitFor(() => deepQuery(el, '[part="error"]'));
    expect(text(deepQuery(el, '[part="error"] p'))).to.equal("Vous n'avez pas accès à cette salle.");
    expect(el.getAttribute('connection-state')).to.equal('disconnected');
    expect(deepQuery(el, '[part="rejoin-button"]')).to.exist;
    // Re-localized on language switch.
    el.lang = 'en';
    await waitFor(() => text(deepQuery(el, '[part="error"] p')) === 'You do not have access to this room.', 2000, 'English error');
  });

  /** The element's pre-join form with the webinar call type chosen and `room` as the room name. */
  async function webinarForm(room: string): Promise<UrbaniaMeeting> {
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting service-url=${SERVICE} .authToken=${'t'} .contacts=${contacts}></urbania-meeting>`);
    const select = await waitFor(() => deepQuery<HTMLSelectElement>(el, '[part="call-type-select"]'));
    select.value = 'webinar';
    select.dispatchEvent(new Event('change'));
    deepQuery<HTMLInputElement>(el, '[part="room-name-input"]')!.value = room;
    return el;
  }

  it('webinar: ticked speakers are sent as speakers[]', async () => {
    stub = stubFetch([
      { method: 'POST', path: '/api/livekit/rooms', status: 201, body: roomInfo({ room_name: 'conf', webinar: true }) },
      { method: 'POST', path: '/api/livekit/rooms/conf/join', status: 503, body: { error: { code: 'unavailable', message: 'down' } } },
    ]);
    const el = await webinarForm('conf');
    deepQuery<HTMLInputElement>(el, '[part="contact"][data-id="bob"] input')!.click();
    deepQuery<HTMLInputElement>(el, '[part="contact"][data-id="carol"] input')!.click();
    const speaker = await waitFor(() => deepQuery<HTMLInputElement>(el, '[part="speaker"][data-id="carol"] input'));
    speaker.click();
    await aTimeout(0);
    const errored = oneEvent(el, 'urbania-error');
    deepQuery<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    expect((await errored).detail.code).to.equal('unavailable');
    expect(stub.calls[0]!.body).to.deep.equal({ room_name: 'conf', participants: ['bob', 'carol'], call_type: 'video', speakers: ['carol'], audience_chat: false });
  });

  it('webinar: "the audience may write in the chat" is sent as audience_chat', async () => {
    stub = stubFetch([
      { method: 'POST', path: '/api/livekit/rooms', status: 201, body: roomInfo({ room_name: 'conf', webinar: true, audience_chat: true }) },
      { method: 'POST', path: '/api/livekit/rooms/conf/join', status: 503, body: { error: { code: 'unavailable', message: 'down' } } },
    ]);
    const el = await webinarForm('conf');
    (await waitFor(() => deepQuery<HTMLInputElement>(el, '[part="audience-chat-toggle"] input'))).click();
    await aTimeout(0);
    const errored = oneEvent(el, 'urbania-error');
    deepQuery<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    await errored;
    expect(stub.calls[0]!.body).to.deep.include({ call_type: 'video', speakers: [], audience_chat: true });
  });

  it('an invalid room name is refused before any request', async () => {
    stub = stubFetch([]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting lang="en" service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>`);
    (await waitFor(() => deepQuery<HTMLInputElement>(el, '[part="room-name-input"]'))).value = 'no spaces!';
    const errored = oneEvent(el, 'urbania-error');
    deepQuery<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    expect((await errored).detail.code).to.equal('room_name_invalid');
    expect(stub.calls).to.have.length(0);
    expect(text(deepQuery(el, '[part="error"] p'))).to.contain('Invalid room name');
  });

  it('room_exists from the service is shown in English when lang=en', async () => {
    stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms', status: 409, body: { error: { code: 'room_exists', message: 'exists' } } }]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting lang="en" service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>`);
    (await waitFor(() => deepQuery<HTMLInputElement>(el, '[part="room-name-input"]'))).value = 'taken';
    const errored = oneEvent(el, 'urbania-error');
    deepQuery<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    expect((await errored).detail).to.deep.equal({ code: 'room_exists', message: 'A room with this name already exists.' });
    expect(el.view).to.equal('pre-join');
  });

  it('invite view shows the room information then "Rejoindre maintenant"', async () => {
    stub = stubFetch([{
      method: 'GET', path: '/api/livekit/rooms/equipe-lundi', status: 200,
      body: roomInfo({ call_type: 'audio', connected: [{ identity: 'alice', name: 'Alice Martin' }] }),
    }]);
    const getAuthToken = async () => 'fresh-jwt';
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting view="invite" room="equipe-lundi" service-url=${SERVICE} .getAuthToken=${getAuthToken}></urbania-meeting>`);
    await waitFor(() => deepQuery(el, '[part="invite-info"] [data-field="created_by"]'), 3000, 'room info');
    const info = deepQuery(el, '[part="invite-info"]')!;
    expect(text(info.querySelector('[data-field="room_name"]'))).to.equal('equipe-lundi');
    expect(text(info.querySelector('[data-field="created_by"]'))).to.equal('Alice Martin');
    expect(text(info.querySelector('[data-field="call_type"]'))).to.equal('Audio');
    expect(text(info.querySelector('[data-field="connected"]'))).to.equal('Alice Martin');
    expect(text(deepQuery(el, '[part="join-button"]'))).to.equal('Rejoindre maintenant');
    expect(stub.calls[0]!.auth).to.equal('Bearer fresh-jwt');
    expect(deepQuery(el, '[part="invite"]')).to.exist;
  });

  it('invite of an unknown room shows a localized error', async () => {
    stub = stubFetch([{ method: 'GET', path: '/api/livekit/rooms/ghost', status: 404, body: { error: { code: 'room_not_found', message: 'no' } } }]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting view="invite" room="ghost" service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>`);
    await waitFor(() => deepQuery(el, '[part="error"]'), 3000, 'error');
    expect(text(deepQuery(el, '[part="error"] p'))).to.equal(
      "Salle introuvable : elle n'existe pas, ou vous n'y êtes pas invité. Demandez un lien d'invitation à l'hôte.",
    );
    expect(deepQuery(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
  });

  it('view=room waits for auth, then joins directly; a failure is visible and fired', async () => {
    stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms/equipe-lundi/join', status: 503, body: { error: { code: 'unavailable', message: 'sfu down' } } }]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting view="room" room="equipe-lundi" service-url=${SERVICE}></urbania-meeting>`);
    await aTimeout(50);
    expect(stub.calls).to.have.length(0);
    const errored = oneEvent(el, 'urbania-error');
    el.authToken = 'jwt';
    const err = await errored;
    expect(err.detail).to.deep.equal({ code: 'unavailable', message: 'Le service est indisponible. Réessayez dans un instant.' });
    expect(stub.calls.map((c) => c.method + ' ' + new URL(c.url).pathname)).to.deep.equal(['POST /api/livekit/rooms/equipe-lundi/join']);
    await waitFor(() => el.getAttribute('connection-state') === 'disconnected', 2000, 'disconnected');
    expect(deepQuery(el, '[part="rejoin-button"]')).to.exist;
  });

  it('an unreachable service is a network_error', async () => {
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting view="invite" room="x" service-url="http://127.0.0.1:1" .authToken=${'t'}></urbania-meeting>`);
    const err = await oneEvent(el, 'urbania-error');
    expect(err.detail.code).to.equal('network_error');
  });

  it('audio calls never ask getUserMedia for video', async () => {
    gum = spyGetUserMedia();
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting call-type="audio"></urbania-meeting>`);
    await waitFor(() => gum!.calls.length > 0, 4000, 'getUserMedia');
    await aTimeout(200);
    expect(gum.calls.every((c) => !c.video)).to.equal(true);
    expect(gum.calls.some((c) => c.audio)).to.equal(true);
    expect(deepQuery(el, '[part="preview"]')).to.equal(null);
    expect(deepQuery(el, '[part="videoinput-select"]')).to.equal(null);
    el.remove();
  });

  it('removing the element stops the camera and microphone', async () => {
    gum = spyGetUserMedia();
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting></urbania-meeting>`);
    await waitFor(() => gum!.tracks.length >= 2, 4000, 'preview tracks');
    await waitFor(() => deepQuery(el, '[part="preview-video"]'), 4000, 'preview video');
    expect(gum.calls[0]!.video).to.be.ok;
    expect(gum.tracks.every((t) => t.readyState === 'live')).to.equal(true);
    el.remove();
    await aTimeout(50);
    expect(gum.tracks.map((t) => t.readyState)).to.deep.equal(gum.tracks.map(() => 'ended'));
  });

  it('two elements on one page do not interfere', async () => {
    stub = stubFetch([{ method: 'GET', path: '/api/livekit/rooms/a', status: 404, body: { error: { code: 'room_not_found', message: 'no' } } }]);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <urbania-meeting id="one" lang="en" view="invite" room="a" service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>
      <urbania-meeting id="two" lang="fr"></urbania-meeting></div>`);
    const one = wrap.querySelector<UrbaniaMeeting>('#one')!;
    const two = wrap.querySelector<UrbaniaMeeting>('#two')!;
    await waitFor(() => deepQuery(one, '[part="error"]'), 3000, 'error in one');
    expect(deepQuery(two, '[part="error"]')).to.equal(null);
    expect(text(deepQuery(two, '[part="start-button"]'))).to.equal("Démarrer l'appel");
    expect(text(deepQuery(one, '[part="join-button"]'))).to.equal('Join now');
  });

  it('leave() when not in a call shows the rejoin view without firing urbania-left', async () => {
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting room="r" lang="en"></urbania-meeting>`);
    let fired = 0;
    el.addEventListener('urbania-left', () => fired++);
    await el.leave();
    await el.updateComplete;
    expect(deepQuery(el, '[part="rejoin-button"]')).to.exist;
    expect(text(deepQuery(el, '[part="left"] h2'))).to.equal('You left the call');
    expect(fired).to.equal(0);
  });

  it('remembers the display name for next time', async () => {
    stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms', status: 409, body: { error: { code: 'room_exists', message: 'x' } } }]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>`);
    const name = await waitFor(() => deepQuery<HTMLInputElement>(el, '[part="display-name-input"]'));
    name.value = 'Alice M.';
    name.dispatchEvent(new Event('input'));
    deepQuery<HTMLInputElement>(el, '[part="room-name-input"]')!.value = 'r1';
    const errored = oneEvent(el, 'urbania-error');
    deepQuery<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    await errored;
    const el2 = await fixture<UrbaniaMeeting>(html`<urbania-meeting></urbania-meeting>`);
    const name2 = await waitFor(() => deepQuery<HTMLInputElement>(el2, '[part="display-name-input"]'));
    expect(name2.value).to.equal('Alice M.');
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`has no axe violations: pre-join with preview, invite, error banner and left view (${lang})`, async () => {
      const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting lang=${lang} .contacts=${contacts}></urbania-meeting>`);
      await waitFor(() => deepQuery(el, '[part="preview-video"]'), 4000, 'preview');
      expect(await axeViolations(el), 'pre-join').to.deep.equal([]);
      el.remove();

      stub = stubFetch([{ method: 'GET', path: '/api/livekit/rooms/r1', status: 200, body: roomInfo({ room_name: 'r1', connected: [{ identity: 'bob', name: 'Bob Dupont' }] }) }]);
      const inv = await fixture<UrbaniaMeeting>(html`<urbania-meeting lang=${lang} view="invite" room="r1" service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>`);
      await waitFor(() => deepQuery(inv, '[data-field="connected"] li'), 3000, 'invite info');
      expect(await axeViolations(inv), 'invite').to.deep.equal([]);
      stub.restore();

      stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms/r1/join', status: 403, body: { error: { code: 'forbidden', message: 'no' } } }]);
      const failed = await fixture<UrbaniaMeeting>(html`<urbania-meeting lang=${lang} view="room" room="r1" service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>`);
      await waitFor(() => deepQuery(failed, '[part="error"]') && deepQuery(failed, '[part="rejoin-button"]'), 3000, 'error + rejoin');
      expect(await axeViolations(failed), 'error + left').to.deep.equal([]);
    });

    it(`has no axe violations in the dark theme (${lang})`, async () => {
      const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting theme="dark" lang=${lang} .contacts=${contacts}></urbania-meeting>`);
      await waitFor(() => deepQuery(el, '[part="start-button"]'));
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(17, 24, 39)');
      expect(await axeViolations(el)).to.deep.equal([]);
      el.remove();
    });
  }

  it('is themable from the page: --urbania-* properties and ::part() on view parts', async () => {
    const style = document.createElement('style');
    style.textContent = `urbania-meeting.themed { --urbania-accent: rgb(10, 100, 20); }
      urbania-meeting.themed::part(start-button) { letter-spacing: 3px; }`;
    document.head.append(style);
    try {
      const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting class="themed"></urbania-meeting>`);
      const button = await waitFor(() => deepQuery<HTMLButtonElement>(el, '[part="start-button"]'));
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(10, 100, 20)');
      expect(getComputedStyle(button).letterSpacing).to.equal('3px');
    } finally {
      style.remove();
    }
  });

  it('an unreachable SFU ends in a visible connection_failed, after loading livekit-client and the room view lazily', async () => {
    stub = stubFetch([{
      method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200,
      body: { ...joinResponse(roomInfo({ room_name: 'r1' })), token: 'x.y.z', url: 'ws://127.0.0.1:1' },
    }]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting lang="en" room="r1" service-url=${SERVICE} .authToken=${'t'}></urbania-meeting>`);
    const states: string[] = [];
    const seen = new MutationObserver(() => states.push(el.getAttribute('connection-state') ?? ''));
    seen.observe(el, { attributes: true, attributeFilter: ['connection-state'] });
    const errored = oneEvent(el, 'urbania-error');
    void el.join();
    const err = await errored;
    seen.disconnect();
    expect(err.detail).to.deep.equal({ code: 'connection_failed', message: 'Could not connect to the call.' });
    expect(states).to.include('connecting');
    await waitFor(() => el.getAttribute('connection-state') === 'disconnected', 2000, 'disconnected');
    expect(customElements.get('urbania-room')).to.exist;
    expect(el.livekitRoom).to.equal(undefined);
    expect(deepQuery(el, '[part="rejoin-button"]')).to.exist;
  });

  describe('in a call (fake livekit Room, real element flow)', () => {
    const joinRoute = (canPublish: boolean, callType: 'video' | 'audio' = 'video'): FakeRoute => ({
      method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200,
      body: joinResponse(roomInfo({ room_name: 'r1', call_type: callType }),
        canPublish ? {} : { role: 'audience', can_publish: false, sources: [] }),
    });

    it('view=room joins, fires urbania-joined, announces and fires participant events, leave fires urbania-left', async () => {
      stub = stubFetch([joinRoute(true), { method: 'POST', path: '/api/livekit/rooms/r1/leave', status: 200, body: { room_name: 'r1', left: true } }]);
      const el = withFakeLiveKit(document.createElement('urbania-meeting'));
      el.setAttribute('view', 'room');
      el.setAttribute('room', 'r1');
      el.setAttribute('service-url', SERVICE);
      el.authToken = 'jwt';
      const joined = oneEvent(el, 'urbania-joined');
      document.body.append(el);
      try {
        const ev = await joined;
        expect(ev.detail).to.deep.equal({ room: 'r1', identity: 'me', canPublish: true });
        expect(el.getAttribute('connection-state')).to.equal('connected');
        expect(el.livekitRoom).to.equal(lastRoom);
        expect(lastRoom!.connectedWith).to.deep.equal(['ws://sfu.test', 'lk-token']);
        await waitFor(() => lastRoom!.localParticipant.calls.includes('published:camera'), 3000, 'camera published');
        expect(lastRoom!.localParticipant.calls.filter((c) => c.startsWith('publish:'))).to.deep.equal(['publish:microphone', 'publish:camera']);
        await waitFor(() => deepQuery(el, '[part="tile"][data-local="true"]'), 3000, 'local tile');
        expect(deepQuery(el, '[part="mic-toggle"]')).to.exist;

        const pj = oneEvent(el, 'urbania-participant-joined');
        const bob = new FakeParticipant('bob', 'Bob Dupont');
        lastRoom!.remoteParticipants.set('bob', bob);
        lastRoom!.emit(RoomEvent.ParticipantConnected, bob);
        expect((await pj).detail).to.deep.equal({ identity: 'bob', name: 'Bob Dupont' });
        await waitFor(() => deepQuery(el, '[part="tile"][data-identity="bob"][data-local="false"]'), 3000, 'remote tile');
        await waitFor(() => text(deepQuery(el, '[part="announcer"]')) === 'Bob Dupont a rejoint l’appel', 2000, 'announcement');

        const pl = oneEvent(el, 'urbania-participant-left');
        lastRoom!.remoteParticipants.delete('bob');
        lastRoom!.emit(RoomEvent.ParticipantDisconnected, bob);
        expect((await pl).detail.identity).to.equal('bob');
        await waitFor(() => text(deepQuery(el, '[part="announcer"]')) === 'Bob Dupont a quitté l’appel', 2000, 'leave announcement');

        const left = oneEvent(el, 'urbania-left');
        deepQuery<HTMLButtonElement>(el, '[part="leave-button"]')!.click();
        expect((await left).detail).to.deep.equal({ room: 'r1', reason: 'client_initiated' });
        await waitFor(() => deepQuery(el, '[part="rejoin-button"]'), 2000, 'rejoin');
        expect(el.livekitRoom).to.equal(undefined);
        expect(el.getAttribute('connection-state')).to.equal('disconnected');
        await waitFor(() => stub!.calls.some((c) => c.url.endsWith('/rooms/r1/leave')), 2000, 'service leave');
      } finally {
        el.remove();
      }
    });

    it('webinar audience: no publish controls, nothing published, no getUserMedia', async () => {
      stub = stubFetch([joinRoute(false)]);
      gum = spyGetUserMedia();
      const { el, joined } = joinOnFakeLiveKit();
      try {
        expect((await joined).detail.canPublish).to.equal(false);
        await waitFor(() => deepQuery(el, '[part="tile"]'), 3000, 'tile');
        expect(deepQuery(el, '[part="mic-toggle"]')).to.equal(null);
        expect(deepQuery(el, '[part="camera-toggle"]')).to.equal(null);
        expect(lastRoom!.localParticipant.calls).to.deep.equal(['connect']);
        expect(gum.calls).to.deep.equal([]);
      } finally {
        el.remove();
      }
    });

    it('audio call: the camera is never turned on and no camera toggle is shown', async () => {
      stub = stubFetch([joinRoute(true, 'audio')]);
      const { el, joined } = joinOnFakeLiveKit();
      try {
        await joined;
        await waitFor(() => deepQuery(el, '[part="mic-toggle"]'), 3000, 'mic toggle');
        expect(deepQuery(el, '[part="camera-toggle"]')).to.equal(null);
        await waitFor(() => lastRoom!.localParticipant.calls.includes('published:microphone'), 3000, 'microphone published');
        expect(lastRoom!.localParticipant.calls).to.deep.equal(['connect', 'capture:audio', 'publish:microphone', 'published:microphone']);
      } finally {
        el.remove();
      }
    });

    it('screen share: startScreenShare() publishes, fires started/stopped with bubbles+composed, announces; the control bar toggles it', async () => {
      stub = stubFetch([joinRoute(true)]);
      const { el, joined } = joinOnFakeLiveKit();
      try {
        await joined;
        const started = oneEvent(document.body, 'urbania-screen-share-started');
        await el.startScreenShare();
        const ev = await started;
        expect(ev.detail).to.deep.equal({ identity: 'me' });
        expect(ev.bubbles && ev.composed).to.equal(true);
        expect(lastRoom!.localParticipant.calls).to.include('screen:true');
        await waitFor(() => deepQuery(el, '[part="screen-share-banner"]') && deepQuery(el, '[part="screen-share"][data-identity="me"]'), 3000, 'banner + screen');
        await waitFor(() => text(deepQuery(el, '[part="announcer"]')) === 'Vous présentez votre écran', 2000, 'announcement');
        const stopped = oneEvent(el, 'urbania-screen-share-stopped');
        deepQuery<HTMLButtonElement>(el, '[part="stop-screen-share"]')!.click();
        expect((await stopped).detail).to.deep.equal({ identity: 'me' });
        await waitFor(() => !deepQuery(el, '[part="screen-share-banner"]'), 2000, 'banner gone');
        // From the control bar.
        const again = oneEvent(el, 'urbania-screen-share-started');
        deepQuery<HTMLButtonElement>(el, '[part="screen-share-toggle"]')!.click();
        await again;
        await el.stopScreenShare();
        expect(lastRoom!.localParticipant.calls.filter((c) => c.startsWith('screen'))).to.deep.equal(['screen:true', 'screen:false', 'screen:true', 'screen:false']);
      } finally {
        el.remove();
      }
    });

    it('screen share refused: typed codes with localized messages (audio call, cancelled picker, not in a call)', async () => {
      const idle = withFakeLiveKit(document.createElement('urbania-meeting'));
      document.body.append(idle);
      expect(await codeOf(idle.startScreenShare())).to.deep.equal({ code: 'not_in_call', message: "Vous n'êtes pas dans un appel." });
      idle.remove();

      stub = stubFetch([joinRoute(true, 'audio')]);
      const { el, joined } = joinOnFakeLiveKit({ lang: 'en' });
      try {
        await joined;
        await waitFor(() => deepQuery(el, '[part="mic-toggle"]'), 3000, 'controls');
        expect(deepQuery(el, '[part="screen-share-toggle"]')).to.equal(null);
        expect(await codeOf(el.startScreenShare())).to.deep.equal({ code: 'screen_share_not_allowed', message: 'Screen sharing is not allowed in this call.' });
        expect(lastRoom!.localParticipant.calls).to.not.include('screen:true');
      } finally {
        el.remove();
      }

      stub.restore();
      stub = stubFetch([joinRoute(true)]);
      const { el: video, joined: joined2 } = joinOnFakeLiveKit();
      try {
        await joined2;
        lastRoom!.localParticipant.failScreen = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
        const error = oneEvent(video, 'urbania-error');
        expect((await codeOf(video.startScreenShare())).code).to.equal('screen_share_denied');
        expect((await error).detail.code).to.equal('screen_share_denied');
        await waitFor(() => deepQuery(video, '[part="error"][data-code="screen_share_denied"]'), 2000, 'visible error');
      } finally {
        video.remove();
      }
    });

    it('setLayout() and pin(): typed refusals (not in a call, unknown layout or participant), then the stage follows', async () => {
      const codeOnly = async (p: Promise<unknown>) => (await codeOf(p)).code;
      const idle = withFakeLiveKit(document.createElement('urbania-meeting'));
      document.body.append(idle);
      expect(await codeOnly(idle.setLayout('speaker'))).to.equal('not_in_call');
      expect(await codeOnly(idle.pin(null))).to.equal('not_in_call');
      expect(await codeOnly(idle.openPictureInPicture())).to.equal('not_in_call');
      idle.remove();

      stub = stubFetch([joinRoute(true)]);
      const { el, joined } = joinOnFakeLiveKit({ lang: 'en' });
      try {
        await joined;
        const bob = new FakeParticipant('bob', 'Bob Dupont');
        lastRoom!.remoteParticipants.set('bob', bob);
        lastRoom!.emit(RoomEvent.ParticipantConnected, bob);
        await waitFor(() => deepQuery(el, '[part="tile"][data-identity="bob"]'), 3000, 'bob');
        const err = await el.setLayout('mosaic' as 'grid').catch((e: Error & { code: string }) => e);
        expect(err).to.include({ code: 'invalid_layout', message: 'Unknown layout: use "grid" or "speaker".' });
        expect(await codeOnly(el.pin('zoe'))).to.equal('unknown_participant');
        await el.setLayout('speaker');
        await waitFor(() => deepQuery(el, '[part="spotlight"][data-identity="bob"]'), 3000, 'bob large');
        expect(deepQuery(el, '[part="layout-toggle"]')!.getAttribute('aria-pressed')).to.equal('true');
        await el.pin('me');
        await waitFor(() => deepQuery(el, '[part="spotlight"][data-identity="me"][data-reason="pinned"]'), 3000, 'pinned');
        await el.pin(null);
        await waitFor(() => deepQuery(el, '[part="spotlight"][data-identity="bob"][data-reason="speaker"]'), 3000, 'unpinned');
        // Bob leaves while pinned: unpinned, alone on the stage.
        await el.pin('bob');
        lastRoom!.remoteParticipants.delete('bob');
        lastRoom!.emit(RoomEvent.ParticipantDisconnected, bob);
        await waitFor(() => deepQuery(el, '[part="spotlight"][data-identity="me"]'), 3000, 'alone');
        await el.setLayout('grid');
        await waitFor(() => deepQuery(el, '[part="grid"]'), 3000, 'grid');
      } finally {
        el.remove();
      }
    });

    it('openPictureInPicture(): refused without a user gesture; from the PiP button the call moves into a Document PiP window with its styles, and back', async () => {
      stub = stubFetch([joinRoute(true)]);
      const { el, joined } = joinOnFakeLiveKit({ lang: 'en' });
      el.style.setProperty('--urbania-stage-background', 'rgb(1, 2, 3)');
      const dpip = (window as unknown as { documentPictureInPicture?: { window: Window | null } }).documentPictureInPicture;
      try {
        await joined;
        const btn = await waitFor(() => deepQuery<HTMLButtonElement>(el, '[part="pip-toggle"]'), 3000, 'pip toggle');
        expect(dpip, 'this Chromium has Document Picture-in-Picture').to.exist;
        // No user activation (a script call): the browser refuses, with a typed, localized error.
        const refused = await el.openPictureInPicture().catch((e: Error & { code: string }) => e);
        expect(refused).to.include({ code: 'pip_gesture_required', message: 'The floating window opens only after a click or a key press.' });
        // A real click (user activation): the room view moves into the PiP window.
        const r = btn.getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
        const pw = await waitFor(() => dpip!.window, 4000, 'PiP window');
        const room = await waitFor(() => pw.document.querySelector('urbania-room'), 2000, 'room in the PiP window');
        const section = room.shadowRoot!.querySelector<HTMLElement>('[part="room"]')!;
        // Its styles followed (constructed in the PiP window), with the page's theme tokens.
        expect(pw.getComputedStyle(section).backgroundColor).to.equal('rgb(1, 2, 3)');
        expect(pw.getComputedStyle(room.shadowRoot!.querySelector('[part="controls"]')!).display).to.equal('flex');
        const inPip = room.shadowRoot!.querySelector<HTMLButtonElement>('[part="pip-toggle"]')!;
        expect(inPip.getAttribute('aria-pressed')).to.equal('true');
        // A panel opened inside the PiP window is styled there too.
        room.shadowRoot!.querySelector<HTMLButtonElement>('[part="chat-toggle"]')!.click();
        const panel = await waitFor(() => room.shadowRoot!.querySelector('urbania-chat-panel')?.shadowRoot?.querySelector<HTMLElement>('[part="chat-panel"]'), 2000, 'chat panel in PiP');
        expect(pw.getComputedStyle(panel).display).to.equal('grid');
        // The participants panel, rendered before the move, was restyled for the PiP window too.
        const people = room.shadowRoot!.querySelector('urbania-participants-panel')!.shadowRoot!.querySelector('header')!;
        expect(pw.getComputedStyle(people).display).to.equal('flex');
        // Close the chat again: with it open beside the stage, the page's stage is under 600 px and the bar narrow.
        room.shadowRoot!.querySelector<HTMLButtonElement>('[part="chat-toggle"]')!.click();
        await waitFor(() => !room.shadowRoot!.querySelector('urbania-chat-panel'), 2000, 'chat panel closed');
        // The page shows the placeholder; its button brings the call back.
        const back = deepQuery<HTMLButtonElement>(el, '[part="pip-return"]')!;
        expect(text(deepQuery(el, '[part="pip-placeholder"]'))).to.contain('The call continues in the floating window.');
        expect(await el.openPictureInPicture().then(() => 'resolved')).to.equal('resolved'); // already open
        back.click();
        await waitFor(() => el.shadowRoot!.querySelector('urbania-room') && !dpip!.window, 3000, 'room back in the page');
        expect(deepQuery(el, '[part="pip-placeholder"]')).to.equal(null);
        const home = el.shadowRoot!.querySelector('urbania-room')!.shadowRoot!;
        expect(getComputedStyle(home.querySelector('[part="room"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
        // The bar is measured again in the page (with the chat closed the stage is wide: the toggle is in the bar, not in
        // "More options").
        const homeToggle = await waitFor(() => home.querySelector('[part="pip-toggle"]'), 3000, 'pip toggle back in the bar');
        expect(homeToggle.getAttribute('aria-pressed')).to.equal('false');
      } finally {
        dpip?.window?.close();
        el.remove();
      }
    });

    it('disconnected by the server: reason shown, urbania-left fired; removal disconnects the room', async () => {
      stub = stubFetch([joinRoute(true)]);
      const { el, joined } = joinOnFakeLiveKit({ lang: 'en' });
      await joined;
      const room = lastRoom!;
      const left = oneEvent(el, 'urbania-left');
      room.emit(RoomEvent.Disconnected, DisconnectReason.PARTICIPANT_REMOVED);
      expect((await left).detail).to.deep.equal({ room: 'r1', reason: 'participant_removed' });
      await waitFor(() => text(deepQuery(el, '[part="connection-status"]')) === 'Disconnected: a host removed you from the call', 2000, 'reason');
      expect(el.getAttribute('connection-state')).to.equal('disconnected');
      expect(deepQuery(el, '[part="rejoin-button"]')).to.exist;

      // Rejoin, then remove the element: the new room is disconnected.
      const again = oneEvent(el, 'urbania-joined');
      deepQuery<HTMLButtonElement>(el, '[part="rejoin-button"]')!.click();
      await again;
      const second = lastRoom!;
      expect(second).to.not.equal(room);
      el.remove();
      await waitFor(() => second.disconnected, 2000, 'disconnect on removal');
      expect(el.livekitRoom).to.equal(undefined);
    });
  });
});
