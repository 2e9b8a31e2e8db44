/**
 * <urbania-call-notifier> with a fake EventSource and a stubbed service (the real stream, service and SFU are in
 * e2e/scenarios/11-call-notifier.mjs): ringing, join / decline, answered elsewhere, Escape, focus, reconnection
 * with a fresh ticket, fr/en, accessibility, and the parts documented = rendered.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './urbania-call-notifier.js';
import type { UrbaniaCallNotifier } from './urbania-call-notifier.component.js';
import { CALL_NOTIFIER_PARTS } from './urbania-call-notifier.parts.js';
import { axeViolations, stubFetch, waitFor, type FetchStub } from '../test/helpers.js';

class FakeEventSource extends EventTarget {
  static all: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.all.push(this);
  }
  close() {
    this.closed = true;
  }
  send(type: string, data?: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: data === undefined ? undefined : JSON.stringify(data) }));
  }
}

const invitation = (room = 'equipe-lundi', over: Record<string, unknown> = {}) => ({
  room_name: room,
  call_type: 'video' as const,
  from: { id: 'alice', name: 'Alice Martin' },
  created_at: '2026-11-27T01:00:00Z',
  ...over,
});

let ticketCount = 0;
function serviceStub(): FetchStub {
  return stubFetch([
    { method: 'POST', path: '/api/livekit/events/ticket', status: 200, get body() { return { ticket: `ticket-${++ticketCount}`, expires_in: 30 }; } },
    { method: 'POST', path: /\/api\/livekit\/invitations\/[^/]+\/answer$/, status: 200, body: { room_name: 'equipe-lundi', answer: 'declined' } },
  ]);
}

async function mount(attrs: { lang?: string; joinUrl?: string } = {}) {
  FakeEventSource.all = [];
  const el = await fixture<UrbaniaCallNotifier>(html`<urbania-call-notifier
    service-url="http://service.test"
    lang=${attrs.lang ?? 'fr'}
    join-url=${attrs.joinUrl ?? ''}
    .authToken=${'urbania-jwt'}
    .createEventSource=${(url: string) => new FakeEventSource(url)}
  ></urbania-call-notifier>`);
  const source = await waitFor(() => FakeEventSource.all[0], 2000, 'EventSource opened');
  source.send('ready', { user_id: 'bob', heartbeat_seconds: 15 });
  await waitFor(() => el.connection === 'open', 2000, 'stream open');
  return { el, source };
}

const root = (el: UrbaniaCallNotifier) => el.shadowRoot!;
const card = (el: UrbaniaCallNotifier) => root(el).querySelector<HTMLElement>('[part="call"]');

describe('<urbania-call-notifier>', () => {
  let stub: FetchStub;
  beforeEach(() => { stub = serviceStub(); });
  afterEach(() => stub.restore());

  it('opens the stream with a ticket (never the JWT in the URL), then rings: alertdialog, focus on "Rejoindre", event', async () => {
    const { el, source } = await mount();
    expect(source.url).to.match(/^http:\/\/service\.test\/api\/livekit\/events\?ticket=ticket-\d+$/);
    expect(source.url).not.to.contain('urbania-jwt');
    expect(stub.calls[0]).to.include({ method: 'POST', auth: 'Bearer urbania-jwt' });
    expect(card(el)).to.equal(null);

    const invited = new Promise<CustomEvent>((r) => el.addEventListener('urbania-call-invited', r as EventListener, { once: true }));
    source.send('invitation', invitation());
    expect((await invited).detail).to.deep.equal(invitation());
    const dialog = await waitFor(() => card(el), 2000, 'call card');
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(dialog.dataset['room']).to.equal('equipe-lundi');
    expect(root(el).querySelector('#call-title')!.textContent).to.equal('Appel vidéo entrant');
    expect(root(el).querySelector('#call-caller')!.textContent).to.equal('Alice Martin vous invite dans « equipe-lundi »');
    await waitFor(() => root(el).activeElement?.getAttribute('part') === 'accept-button', 2000, 'focus on accept');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('"Refuser": urbania-call-declined, the service is told, the card goes, focus returns, the decline is announced', async () => {
    const before = document.createElement('button');
    before.textContent = 'page button';
    document.body.append(before);
    before.focus();
    const { el, source } = await mount();
    source.send('invitation', invitation());
    await waitFor(() => root(el).activeElement?.getAttribute('part') === 'accept-button', 2000, 'focus moved');
    const declined = new Promise<CustomEvent>((r) => el.addEventListener('urbania-call-declined', r as EventListener, { once: true }));
    root(el).querySelector<HTMLButtonElement>('[part="decline-button"]')!.click();
    expect((await declined).detail).to.deep.equal({ room_name: 'equipe-lundi', call_type: 'video' });
    await waitFor(() => !card(el), 2000, 'card gone');
    const answer = await waitFor(() => stub.calls.find((c) => c.url.endsWith('/api/livekit/invitations/equipe-lundi/answer')), 2000, 'answer sent');
    expect(answer.body).to.deep.equal({ answer: 'declined' });
    await waitFor(() => document.activeElement === before, 2000, 'focus back on the page');
    await waitFor(() => root(el).querySelector('[part="announcer"]')!.textContent === 'Appel de Alice Martin refusé', 2000, 'announced');
    before.remove();
  });

  it('"Rejoindre": urbania-call-accepted and navigation to join-url with the room filled in', async () => {
    const { el, source } = await mount({ joinUrl: '/meeting.html?room={room}&type={call_type}' });
    const visited: string[] = [];
    (el as unknown as { navigate: (u: string) => void }).navigate = (u) => visited.push(u);
    source.send('invitation', invitation('salle 7', { call_type: 'audio' }));
    await waitFor(() => card(el), 2000, 'card');
    expect(root(el).querySelector('#call-title')!.textContent).to.equal('Appel audio entrant');
    const accepted = new Promise<CustomEvent>((r) => el.addEventListener('urbania-call-accepted', r as EventListener, { once: true }));
    root(el).querySelector<HTMLButtonElement>('[part="accept-button"]')!.click();
    expect((await accepted).detail).to.deep.equal({ room_name: 'salle 7', call_type: 'audio' });
    expect(visited).to.deep.equal(['/meeting.html?room=salle%207&type=audio']);
    const answer = await waitFor(() => stub.calls.find((c) => c.url.includes('/invitations/')), 2000, 'answer sent');
    expect(answer.body).to.deep.equal({ answer: 'accepted' });
  });

  it('stops ringing when the user answered on another tab or device, and says so (English)', async () => {
    const { el, source } = await mount({ lang: 'en' });
    source.send('invitation', invitation());
    await waitFor(() => card(el), 2000, 'card');
    expect(root(el).querySelector('[part="accept-button"]')!.textContent).to.equal('Join');
    expect(root(el).querySelector('#call-caller')!.textContent).to.equal('Alice Martin invites you to “equipe-lundi”');
    source.send('invitation_answered', { room_name: 'equipe-lundi', answer: 'declined' });
    await waitFor(() => !card(el), 2000, 'card gone');
    await waitFor(() => root(el).querySelector('[part="announcer"]')!.textContent === 'Call from Alice Martin declined on another device', 2000, 'announced');
    expect(stub.calls.filter((c) => c.url.includes('/invitations/'))).to.have.length(0);
  });

  it('Escape declines; accept()/decline() with nothing ringing reject with code no_invitation', async () => {
    const { el, source } = await mount();
    source.send('invitation', invitation());
    const dialog = await waitFor(() => card(el), 2000, 'card');
    const declined = new Promise<CustomEvent>((r) => el.addEventListener('urbania-call-declined', r as EventListener, { once: true }));
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await declined;
    const codeOf = (p: Promise<void>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);
    expect(await codeOf(el.accept())).to.equal('no_invitation');
    expect(await codeOf(el.decline('nope'))).to.equal('no_invitation');
  });

  it('shows one call at a time, the next one after the first is answered', async () => {
    const { el, source } = await mount();
    source.send('invitation', invitation('r1'));
    source.send('invitation', invitation('r2', { from: { id: 'carol', name: 'Carole' } }));
    await waitFor(() => el.calls.length === 2, 2000, 'two calls');
    expect(card(el)!.dataset['room']).to.equal('r1');
    await el.decline('r1');
    await waitFor(() => card(el)?.dataset['room'] === 'r2', 2000, 'second call shown');
  });

  it('reconnects after the stream drops, with a fresh ticket (a ticket is single use)', async () => {
    const { el, source } = await mount();
    source.send('error');
    expect(source.closed).to.equal(true);
    const next = await waitFor(() => FakeEventSource.all[1], 4000, 'second EventSource');
    expect(next.url).not.to.equal(source.url);
    next.send('ready', { user_id: 'bob', heartbeat_seconds: 15 });
    await waitFor(() => el.connection === 'open', 2000, 'open again');
    // Events from the old, closed source are ignored.
    source.send('invitation', invitation('stale'));
    next.send('invitation', invitation('fresh'));
    await waitFor(() => card(el), 2000, 'card');
    expect(el.calls.map((c) => c.room_name)).to.deep.equal(['fresh']);
  });

  it('closes the stream when removed from the page', async () => {
    const { el, source } = await mount();
    el.remove();
    expect(source.closed).to.equal(true);
  });

  it('renders exactly the parts its JSDoc documents (Custom Elements Manifest)', async () => {
    const res = await fetch(new URL('../../dist/custom-elements.json', import.meta.url));
    const manifest = (await res.json()) as { modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[] };
    const documented = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'urbania-call-notifier')?.cssParts?.map((p) => p.name);
    expect([...(documented ?? [])].sort()).to.deep.equal([...CALL_NOTIFIER_PARTS].sort());

    const { el, source } = await mount();
    source.send('invitation', invitation());
    await waitFor(() => card(el), 2000, 'card');
    // The push offer and the notice depend on the browser's permission state: shown here directly.
    Object.assign(el, { canOfferPush: true, notice: { text: 'x', error: false } });
    await el.updateComplete;
    const rendered = new Set([...root(el).querySelectorAll('[part]')].map((e) => e.getAttribute('part')!));
    expect([...rendered].sort()).to.deep.equal([...CALL_NOTIFIER_PARTS].sort());
  });
});
