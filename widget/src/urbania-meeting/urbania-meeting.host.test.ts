import { expect, oneEvent } from '@open-wc/testing';
import './urbania-meeting.js';
import type { UrbaniaMeeting } from './urbania-meeting.component.js';
import { axeViolations, deepQuery, joinResponse, roomInfo, stubFetch, waitFor, type FakeRoute, type FetchStub } from '../test/helpers.js';
import { STORAGE_KEY } from '../core/user-choices.js';
import { lastRoom } from '../test/fake-livekit.js';
import { SERVICE, codeOf, joinOnFakeLiveKit } from '../test/meeting-in-call.js';
import { DisconnectReason, RoomEvent } from 'livekit-client';

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every host method of the element, with arguments. */
const HOST_METHODS: Array<[string, (el: UrbaniaMeeting) => Promise<unknown>]> = [
  ['muteParticipant', (el) => el.muteParticipant('bob', 'microphone')], ['removeParticipant', (el) => el.removeParticipant('bob')],
  ['lockRoom', (el) => el.lockRoom()], ['unlockRoom', (el) => el.unlockRoom()], ['promote', (el) => el.promote('bob')],
  ['demote', (el) => el.demote('bob')], ['admit', (el) => el.admit('dave')], ['refuse', (el) => el.refuse('dave')],
  ['createInvite', (el) => el.createInvite()], ['revokeInvite', (el) => el.revokeInvite('i1')], ['endRoom', (el) => el.endRoom()],
];

const joinAs = (createdBy: string, role: 'host' | 'participant', over: Parameters<typeof roomInfo>[0] = {}): FakeRoute =>
  ({ method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200, body: joinResponse(roomInfo({ room_name: 'r1', created_by: createdBy, ...over }), { role }) });

const invite = (n: number, role: 'participant' | 'audience' = 'participant') => ({
  id: `i${n}`, invite: `secret${n}`, url: `http://demo.test/meeting/invite?room=r1&invite=secret${n}`, role, expires_at: '2026-12-01T10:00:00.000Z', max_uses: null,
});

/** An element in room `r1` (we are `me`) on a fake livekit Room. */
async function inCall(lang = 'fr'): Promise<UrbaniaMeeting> {
  const { el, joined } = joinOnFakeLiveKit({ lang });
  await joined;
  await waitFor(() => deepQuery(el, '[part="hand-toggle"]'), 3000, 'call controls');
  return el;
}

describe('<urbania-meeting>: host actions', () => {
  let stub: FetchStub | undefined;
  beforeEach(() => { localStorage.removeItem(STORAGE_KEY); });
  afterEach(() => { stub?.restore(); stub = undefined; });

  it('every host method outside a call rejects not_in_call, localized, asking the service nothing', async () => {
    stub = stubFetch([]);
    const el = document.createElement('urbania-meeting');
    el.lang = 'en';
    document.body.append(el);
    try {
      for (const [name, run] of HOST_METHODS) {
        expect(await codeOf(run(el)), name).to.deep.equal({ code: 'not_in_call', message: 'You are not in a call.' });
      }
      expect(stub.calls).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('a participant who is not a host: no invite or end controls, every host method rejects host_only without a request', async () => {
    stub = stubFetch([joinAs('alice', 'participant')]);
    const el = await inCall();
    try {
      expect(deepQuery(el, '[part="invites-toggle"]')).to.equal(null);
      expect(deepQuery(el, '[part~="end-call-button"]')).to.equal(null);
      const before = stub.calls.length;
      for (const [name, run] of HOST_METHODS) {
        expect(await codeOf(run(el)), name).to.deep.equal({ code: 'host_only', message: 'Seul l’hôte de l’appel peut faire cela.' });
      }
      expect(stub.calls.slice(before).filter((c) => c.method !== 'GET').map((c) => c.url)).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('the host: each method reaches its endpoint; createInvite resolves camelCase; a service refusal rejects with its code, localized', async () => {
    let invites = 0;
    stub = stubFetch([
      joinAs('me', 'host', { webinar: true }),
      { method: 'POST', path: '/api/livekit/rooms/r1/invites', status: 201, get body() { invites++; return invites === 2 ? undefined : invite(invites, 'audience'); } } as FakeRoute,
      { method: 'DELETE', path: '/api/livekit/rooms/r1/invites/i1', status: 200, body: { id: 'i1', revoked: true } },
      { method: 'POST', path: /\/participants\/bob\/(mute|remove|promote|demote)$/, status: 200, body: { room_name: 'r1', identity: 'bob', removed: true } },
      { method: 'POST', path: '/api/livekit/rooms/r1/lock', status: 200, body: roomInfo({ room_name: 'r1', locked: true }) },
      { method: 'POST', path: '/api/livekit/rooms/r1/unlock', status: 200, body: roomInfo({ room_name: 'r1' }) },
      { method: 'POST', path: /\/knocks\/dave\/(admit|refuse)$/, status: 200, body: { identity: 'dave', status: 'admitted' } },
      { method: 'POST', path: '/api/livekit/rooms/r1/end', status: 403, body: { error: { code: 'forbidden', message: 'not yours' } } },
    ]);
    const el = await inCall('en');
    try {
      expect(await el.createInvite({ role: 'audience', expiresInSeconds: 3600, maxUses: 2 })).to.deep.equal({
        id: 'i1', invite: 'secret1', url: 'http://demo.test/meeting/invite?room=r1&invite=secret1', role: 'audience', expiresAt: '2026-12-01T10:00:00.000Z', maxUses: null,
      });
      // An answer without a body: `bad_response`, localized.
      expect((await codeOf(el.createInvite())).code).to.equal('bad_response');
      await el.revokeInvite('i1');
      await el.muteParticipant('bob', 'camera');
      await el.removeParticipant('bob');
      await el.promote('bob');
      await el.demote('bob');
      await el.lockRoom();
      await el.unlockRoom();
      await el.admit('dave');
      await el.refuse('dave');
      // The service's 403 on a host action: "only the host", not forbidden's "you do not have access to this room".
      expect(await codeOf(el.endRoom())).to.deep.equal({ code: 'host_only', message: 'Only the host of the call can do this.' });
      const sent = stub.calls.filter((c) => c.method !== 'GET' && !c.url.endsWith('/join')).map((c) => `${c.method} ${new URL(c.url).pathname} ${JSON.stringify(c.body ?? null)}`);
      expect(sent).to.deep.equal([
        'POST /api/livekit/rooms/r1/invites {"role":"audience","expires_in_seconds":3600,"max_uses":2}',
        'POST /api/livekit/rooms/r1/invites {"role":"participant"}',
        'DELETE /api/livekit/rooms/r1/invites/i1 null',
        'POST /api/livekit/rooms/r1/participants/bob/mute {"source":"camera"}',
        'POST /api/livekit/rooms/r1/participants/bob/remove null',
        'POST /api/livekit/rooms/r1/participants/bob/promote null',
        'POST /api/livekit/rooms/r1/participants/bob/demote null',
        'POST /api/livekit/rooms/r1/lock null',
        'POST /api/livekit/rooms/r1/unlock null',
        'POST /api/livekit/rooms/r1/knocks/dave/admit null',
        'POST /api/livekit/rooms/r1/knocks/dave/refuse null',
        'POST /api/livekit/rooms/r1/end null',
      ]);
    } finally {
      el.remove();
    }
  });

  it('the host\'s invite panel: a webinar link for the audience, its URL copied (or selected when the clipboard fails), listed, revoked; axe clean', async () => {
    let n = 0;
    stub = stubFetch([
      joinAs('me', 'host', { webinar: true }),
      { method: 'POST', path: '/api/livekit/rooms/r1/invites', status: 201, get body() { n++; return invite(n, 'audience'); } } as FakeRoute,
      { method: 'DELETE', path: '/api/livekit/rooms/r1/invites/i1', status: 404, body: { error: { code: 'not_found', message: 'gone' } } },
    ]);
    const el = await inCall();
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => { written.push(s); } } });
    try {
      deepQuery<HTMLButtonElement>(el, '[part="invites-toggle"]')!.click();
      const panel = await waitFor(() => deepQuery(el, 'urbania-invite-panel'), 2000, 'panel');
      await waitFor(() => panel.shadowRoot!.activeElement?.getAttribute('part') === 'invites-create', 2000, 'focus on create');
      const select = panel.shadowRoot!.querySelector<HTMLSelectElement>('[part="invites-role"]')!;
      select.value = 'audience';
      select.dispatchEvent(new Event('change'));
      panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="invites-create"]')!.click();
      const url = await waitFor(() => panel.shadowRoot!.querySelector<HTMLInputElement>('[part="invites-url"]'), 2000, 'url');
      expect(url.value).to.equal('http://demo.test/meeting/invite?room=r1&invite=secret1');
      expect(url.readOnly).to.equal(true);
      expect(stub.calls.at(-1)!.body).to.deep.equal({ role: 'audience' });
      panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="invites-copy"]')!.click();
      await waitFor(() => text(panel.shadowRoot!.querySelector('[part="invites-copy-status"]')) === 'Lien copié dans le presse-papiers.', 2000, 'copied');
      expect(written).to.deep.equal([url.value]);
      // Without the Clipboard API: the URL is selected and the panel says how to copy it.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
      panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="invites-copy"]')!.click();
      await waitFor(() => panel.shadowRoot!.querySelector('[part="invites-copy-status"][data-status="manual"]'), 2000, 'manual');
      expect(url.selectionStart).to.equal(0);
      expect(url.selectionEnd).to.equal(url.value.length);
      expect(await axeViolations(el)).to.deep.equal([]);
      const item = panel.shadowRoot!.querySelector('[part="invites-item"]')!;
      expect(item.getAttribute('data-role')).to.equal('audience');
      expect(text(item)).to.contain('Pour le public');
      // The service refuses the revocation: visible and localized, the link stays listed.
      item.querySelector<HTMLButtonElement>('[part~="invites-revoke"]')!.click();
      await waitFor(() => panel.shadowRoot!.querySelector('[part="invites-error"]'), 2000, 'error');
      expect(text(panel.shadowRoot!.querySelector('[part="invites-error"]'))).to.equal('Ce lien n’existe plus pour cette salle (déjà révoqué ?).');
      expect(panel.shadowRoot!.querySelector('[part="invites-error"]')!.getAttribute('role')).to.equal('alert');
      expect(panel.shadowRoot!.querySelectorAll('[part="invites-item"]')).to.have.length(1);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      el.remove();
    }
  });

  it('a link made earlier is copied again from the list after the panel was closed (its URL field is gone); selected when the clipboard fails', async () => {
    let n = 0;
    stub = stubFetch([
      joinAs('me', 'host'),
      { method: 'POST', path: '/api/livekit/rooms/r1/invites', status: 201, get body() { n++; return invite(n); } } as FakeRoute,
    ]);
    const el = await inCall('en');
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => { written.push(s); } } });
    const open = async () => {
      // The bar measures its width again once the panel closed (narrower: the toggle is in "More options" meanwhile).
      (await waitFor(() => deepQuery<HTMLButtonElement>(el, '[part="invites-toggle"]'), 2000, 'invites toggle'))!.click();
      return waitFor(() => deepQuery(el, 'urbania-invite-panel'), 2000, 'panel');
    };
    try {
      let panel = await open();
      panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="invites-create"]')!.click();
      await waitFor(() => panel.shadowRoot!.querySelector('[part="invites-url"]'), 2000, 'url');
      panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="invites-close"]')!.click();
      await waitFor(() => !deepQuery(el, 'urbania-invite-panel'), 2000, 'closed');
      panel = await open();
      await (panel as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(panel.shadowRoot!.querySelector('[part="invites-url"]'), 'the new link\'s field went with the panel').to.equal(null);
      const copy = panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="invites-item"][data-id="i1"] [part="invites-item-copy"]')!;
      expect(copy.getAttribute('aria-label')).to.match(/^Copy the link for a participant valid until /);
      copy.click();
      await waitFor(() => text(panel.shadowRoot!.querySelector('[part="invites-copy-status"]')) === 'Link copied to the clipboard.', 2000, 'copied');
      expect(written).to.deep.equal([invite(1).url]);
      const url = panel.shadowRoot!.querySelector<HTMLInputElement>('[part="invites-url"]')!;
      expect(url.value, 'shown again').to.equal(invite(1).url);
      // Without the Clipboard API: the same fallback, the URL selected for Ctrl+C.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
      copy.click();
      await waitFor(() => panel.shadowRoot!.querySelector('[part="invites-copy-status"][data-status="manual"]'), 2000, 'manual');
      expect(panel.shadowRoot!.activeElement).to.equal(url);
      expect([url.selectionStart, url.selectionEnd]).to.deep.equal([0, url.value.length]);
      expect(await axeViolations(el)).to.deep.equal([]);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      el.remove();
    }
  });

  it('the host ends the call for everyone from the control bar (with a confirmation); the room view says the host ended it, without a rejoin button', async () => {
    stub = stubFetch([
      joinAs('me', 'host'),
      { method: 'POST', path: '/api/livekit/rooms/r1/end', status: 200, body: { room_name: 'r1', ended_at: '2026-11-27T04:00:00.000Z' } },
    ]);
    const el = await inCall('en');
    try {
      deepQuery<HTMLButtonElement>(el, '[part~="end-call-button"]')!.click();
      const dialog = await waitFor(() => deepQuery(el, '[part="end-call-dialog"]'), 2000, 'confirmation');
      expect(dialog.getAttribute('role')).to.equal('alertdialog');
      // Escape cancels: nothing sent.
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await waitFor(() => !deepQuery(el, '[part="end-call-dialog"]'), 2000, 'closed');
      expect(stub.calls.some((c) => c.url.endsWith('/end'))).to.equal(false);
      deepQuery<HTMLButtonElement>(el, '[part~="end-call-button"]')!.click();
      await waitFor(() => deepQuery(el, '[part="end-call-confirm"]'), 2000, 'confirmation');
      deepQuery<HTMLButtonElement>(el, '[part="end-call-confirm"]')!.click();
      await waitFor(() => stub!.calls.some((c) => c.url.endsWith('/r1/end') && c.method === 'POST'), 2000, 'POST /end');
      // The SFU then deletes the room: every widget, ours included, is disconnected with room_deleted.
      const left = oneEvent(el, 'urbania-left');
      lastRoom!.emit(RoomEvent.Disconnected, DisconnectReason.ROOM_DELETED);
      expect((await left).detail).to.deep.equal({ room: 'r1', reason: 'room_deleted' });
      await waitFor(() => text(deepQuery(el, '[part="connection-status"]')) === 'Disconnected: a host ended the call for everyone', 2000, 'reason');
      expect(deepQuery(el, '[part="rejoin-button"]')).to.equal(null);
      expect(deepQuery(el, '[part~="end-call-button"]')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('admitting or refusing someone from the waiting room announces them by the name they knocked with (they are not in the call yet)', async () => {
    const knock = (identity: string, name: string) => ({ identity, name, knocked_at: '2026-11-27T04:00:00.000Z', via: 'participant' as const });
    stub = stubFetch([
      joinAs('me', 'host', { waiting_room: true }),
      { method: 'GET', path: '/api/livekit/rooms/r1/knocks', status: 200, body: { room_name: 'r1', knocks: [knock('u-dave', 'Dave Martin'), knock('u-erin', 'Erin Petit')] } },
      { method: 'POST', path: /\/knocks\/u-(dave|erin)\/(admit|refuse)$/, status: 200, body: { identity: 'u-dave', status: 'admitted' } },
    ]);
    const el = await inCall();
    try {
      const button = (identity: string, part: string) => waitFor(() => deepQuery<HTMLButtonElement>(el, `[part="lobby-knock"][data-identity="${identity}"] [part="${part}"]`), 3000, `${identity} ${part}`);
      (await button('u-dave', 'admit-button'))!.click();
      const announced = () => text(deepQuery(el, '#host-status'));
      await waitFor(() => announced().includes('admis'), 2000, 'admit announced');
      expect(announced()).to.equal('Dave Martin a été admis dans l’appel');
      (await button('u-erin', 'refuse-button'))!.click();
      await waitFor(() => announced().includes('refusée'), 2000, 'refuse announced');
      expect(announced()).to.equal('L’entrée de Erin Petit a été refusée');
    } finally {
      el.remove();
    }
  });

  it('a guest refused from the waiting room sees the refusal and no rejoin button', async () => {
    stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms/r1/join', status: 403, body: { error: { code: 'knock_refused', message: 'refused' } } }]);
    const el = document.createElement('urbania-meeting');
    Object.assign(el, { view: 'room', room: 'r1', serviceUrl: SERVICE, authToken: 'jwt', invite: 'secret' });
    document.body.append(el);
    try {
      await waitFor(() => deepQuery(el, '[part="left"]'), 3000, 'left view');
      expect(text(deepQuery(el, '[part="error"]'))).to.contain('Un hôte ne vous a pas fait entrer dans cette réunion.');
      expect(text(deepQuery(el, '#left-title'))).to.equal('Entrée refusée');
      expect(deepQuery(el, '[part="rejoin-button"]')).to.equal(null);
    } finally {
      el.remove();
    }
  });
});
