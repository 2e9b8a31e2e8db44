import { expect, fixture, html } from '@open-wc/testing';
import './room.js';
import type { UrbaniaRoom } from './room.component.js';
import { axeViolations, roomInfo, waitFor } from '../../test/helpers.js';
import { HostControls } from '../../core/host-controls.js';
import { ServiceClient } from '../../core/service-client.js';
import type { CallState, ParticipantView } from '../../core/call-session.js';
import { FakeSession, connected, person as anyone } from '../../test/fake-session.js';

/** Named with a capital (alice → Alice). */
const person = (identity: string, over: Partial<ParticipantView> = {}): ParticipantView =>
  anyone(identity, { name: identity[0]!.toUpperCase() + identity.slice(1), ...over });

/** Our camera is off here. */
const state = (participants: ParticipantView[], over: Partial<CallState> = {}): CallState =>
  connected(participants, { cameraEnabled: false, localIdentity: undefined, ...over });

/** Real HostControls on a fetch that records requests (and fails with `failWith` when given). */
function hostControls(role: 'host' | 'participant', opts: { webinar?: boolean; failWith?: { status: number; code: string } } = {}) {
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(`${init?.method} ${new URL(String(input)).pathname}${init?.body ? ` ${String(init.body)}` : ''}`);
    if (opts.failWith) return new Response(JSON.stringify({ error: { code: opts.failWith.code, message: 'no' } }), { status: opts.failWith.status });
    return new Response(JSON.stringify(roomInfo({ locked: true })), { status: 200 });
  }) as typeof globalThis.fetch;
  const client = new ServiceClient({ baseUrl: 'http://svc.test', authToken: 'jwt', fetch });
  const controls = new HostControls(() => client);
  // The room's creator is alice (roomInfo): she hosts; bob, invited, does not.
  controls.attach('r1', role === 'host' ? 'alice' : 'bob', roomInfo({ room_name: 'r1', webinar: opts.webinar ?? false }));
  return { controls, requests };
}

async function render(session: FakeSession, controls: HostControls, locale: 'fr' | 'en' = 'en') {
  const el = await fixture<UrbaniaRoom>(html`<urbania-room .locale=${locale} .session=${session} .hostControls=${controls} .roomName=${'r1'}></urbania-room>`);
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="people-toggle"]')!.click();
  await panelUpdated(el);
  return el;
}

/** In the room's shadow root, then in the participants panel's. */
const q = (el: UrbaniaRoom, sel: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(sel) ?? el.shadowRoot!.querySelector('urbania-participants-panel')?.shadowRoot?.querySelector<HTMLElement>(sel) ?? null;
const panelUpdated = async (el: UrbaniaRoom) => {
  await el.updateComplete;
  await (el.shadowRoot!.querySelector('urbania-participants-panel') as unknown as { updateComplete: Promise<unknown> } | null)?.updateComplete;
};

describe('host actions in the room view', () => {
  const people = () => [person('alice', { isLocal: true }), person('bob', { cameraOn: true }), person('carol', { micMuted: true })];

  it('shows nothing to a participant who is not the host', async () => {
    const { controls } = hostControls('participant');
    const el = await render(new FakeSession(state(people())), controls);
    await panelUpdated(el);
    expect(q(el, '[part^="host-"]')).to.equal(null);
    expect(q(el, '[part="tile-host-mute"]')).to.equal(null);
  });

  it('shows the host actions for others (never for ourselves), named for screen readers, and sends them to the service', async () => {
    const { controls, requests } = hostControls('host');
    const el = await render(new FakeSession(state(people())), controls);
    expect(q(el, 'li[data-identity="alice"] [part="host-actions"]')).to.equal(null);
    const bob = q(el, 'li[data-identity="bob"] [part="host-actions"]')!;
    expect(bob.getAttribute('aria-label')).to.equal('Host actions for Bob');
    // Carol's microphone is already muted: no mute button for her.
    expect(q(el, 'li[data-identity="carol"] [part="host-mute-microphone"]')).to.equal(null);
    expect(q(el, 'li[data-identity="carol"] [part="host-mute-camera"]')).to.equal(null);
    // Not a webinar: no stage actions.
    expect(q(el, '[part="host-promote"], [part="host-demote"]')).to.equal(null);

    bob.querySelector<HTMLButtonElement>('[part="host-mute-microphone"]')!.click();
    await waitFor(() => controls.state.done?.action === 'mute', 2000, 'mute done');
    bob.querySelector<HTMLButtonElement>('[part="host-mute-camera"]')!.click();
    await waitFor(() => controls.state.done?.source === 'camera', 2000, 'camera muted');
    await panelUpdated(el);
    expect(q(el, '#host-status')!.textContent).to.equal('Bob’s camera turned off');
    // The tile has the quick mute.
    q(el, '[part~="tile"][data-identity="bob"] [part="tile-host-mute"]')!.click();
    await waitFor(() => requests.length === 3, 2000, 'third request');
    expect(requests).to.deep.equal([
      'POST /api/livekit/rooms/r1/participants/bob/mute {"source":"microphone"}',
      'POST /api/livekit/rooms/r1/participants/bob/mute {"source":"camera"}',
      'POST /api/livekit/rooms/r1/participants/bob/mute {"source":"microphone"}',
    ]);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('remove asks for confirmation; Escape or Cancel keeps them, Confirm removes them', async () => {
    const { controls, requests } = hostControls('host');
    const el = await render(new FakeSession(state(people())), controls, 'fr');
    q(el, 'li[data-identity="bob"] [part="host-remove"]')!.click();
    await panelUpdated(el);
    expect(requests).to.deep.equal([]);
    expect(q(el, 'li[data-identity="bob"]')!.textContent).to.contain('Retirer Bob de l’appel ?');
    q(el, '[part="host-remove-confirm"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await panelUpdated(el);
    expect(q(el, '[part="host-remove-confirm"]')).to.equal(null);
    q(el, 'li[data-identity="bob"] [part="host-remove"]')!.click();
    await panelUpdated(el);
    q(el, '[part="host-remove-cancel"]')!.click();
    await panelUpdated(el);
    expect(requests).to.deep.equal([]);
    q(el, 'li[data-identity="bob"] [part="host-remove"]')!.click();
    await panelUpdated(el);
    q(el, '[part="host-remove-confirm"]')!.click();
    await waitFor(() => requests.length === 1, 2000, 'remove request');
    expect(requests).to.deep.equal(['POST /api/livekit/rooms/r1/participants/bob/remove']);
  });

  it('webinar: promote for the audience, demote for speakers; lock toggles; a refusal is shown', async () => {
    const { controls, requests } = hostControls('host', { webinar: true });
    const session = new FakeSession(state([person('alice', { isLocal: true }), person('bob', { canPublish: false, hasMic: false }), person('carol')]));
    const el = await render(session, controls);
    expect(q(el, 'li[data-identity="bob"] [part="host-demote"]')).to.equal(null);
    q(el, 'li[data-identity="bob"] [part="host-promote"]')!.click();
    q(el, 'li[data-identity="carol"] [part="host-demote"]')!.click();
    const lock = q(el, '[part="host-lock-toggle"]')!;
    expect(lock.getAttribute('aria-pressed')).to.equal('false');
    lock.click();
    await waitFor(() => controls.state.locked, 2000, 'locked');
    await panelUpdated(el);
    expect(q(el, '[part="host-lock-toggle"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(requests.sort()).to.deep.equal([
      'POST /api/livekit/rooms/r1/lock',
      'POST /api/livekit/rooms/r1/participants/bob/promote',
      'POST /api/livekit/rooms/r1/participants/carol/demote',
    ]);

    const failing = hostControls('host', { failWith: { status: 404, code: 'participant_not_found' } });
    const el2 = await render(new FakeSession(state(people())), failing.controls, 'fr');
    q(el2, 'li[data-identity="bob"] [part="host-mute-microphone"]')!.click();
    const error = await waitFor(() => q(el2, '[part="host-error"]'), 2000, 'host error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain("Cette personne n'est plus dans l'appel.");
  });

  it('a participant promoted live gets a notice and a button that turns the microphone on; demoted, a notice', async () => {
    const { controls } = hostControls('participant', { webinar: true });
    const session = new FakeSession(state([person('bob', { isLocal: true, canPublish: false })], { canPublish: false, micEnabled: false }));
    const el = await render(session, controls);
    expect(q(el, '[part="stage-role-notice"]')).to.equal(null);
    expect(q(el, '[part="host-actions"]')).to.equal(null);
    expect(q(el, '[part~="mic-toggle"]')).to.equal(null);
    session.set({ canPublish: true });
    await panelUpdated(el);
    expect(q(el, '[part="stage-role-notice"]')!.dataset['change']).to.equal('promoted');
    expect(q(el, '[part~="mic-toggle"]')).to.not.equal(null);
    q(el, '[part="stage-role-mic"]')!.click();
    expect(session.calls).to.deep.equal(['mic:true']);
    session.set({ canPublish: false });
    await panelUpdated(el);
    expect(q(el, '[part="stage-role-notice"]')!.dataset['change']).to.equal('demoted');
    expect(q(el, '[part="stage-role-notice"]')!.textContent).to.contain('no longer broadcasting');
  });
});
