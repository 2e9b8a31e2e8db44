/**
 * CSS parts: documented (the `@csspart` JSDoc, as the Custom Elements Manifest has it) = exported (`exportparts` on
 * each view inside the host) = rendered (every part the templates produce, across the states that show them).
 * `npm test -w widget` regenerates dist/custom-elements.json first (`npm run manifest`).
 */
import { StageControl } from '../core/speaker-focus.js';
import { pipPlaceholder } from '../controllers/pip-controller.js';
import { knocksTemplate, waitingTemplate } from '../controllers/lobby-controller.js';
import { render } from 'lit';
import { translator } from '../i18n/index.js';
import { expect, fixture, html } from '@open-wc/testing';
import './urbania-meeting.js';
import '../views/pre-join/pre-join.js';
import '../views/invite/invite.js';
import '../views/room/room.js';
import '../views/chat-panel/chat-panel.js';
import '../views/participants-panel/participants-panel.js';
import '../views/device-menu/device-menu.js';
import '../views/stats-panel/stats-panel.js';
import '../views/qa-panel/qa-panel.js';
import '../views/invite-panel/invite-panel.js';
import { QaBoard, type QaClient } from '../core/qa.js';
import { CallStats } from '../core/call-stats.js';
import type { DevicesState } from '../core/devices.js';
import { ROOM_OWN_PARTS } from '../views/room/room.parts.js';
import { ChatError, ChatLog, type ChatMessage } from '../core/chat.js';
import type { UrbaniaMeeting } from './urbania-meeting.component.js';
import { ALL_PARTS, HOST_PARTS, VIEW_PARTS } from './urbania-meeting.parts.js';
import type { HostControlsState } from '../core/host-controls.js';
import type { HostControlsLike } from '../controllers/host-controls-controller.js';
import { deepQuery, roomInfo, stubFetch, waitFor, type FetchStub } from '../test/helpers.js';
import { INITIAL_CALL_STATE, type CallState } from '../core/call-session.js';
import { FakeSession, person } from '../test/fake-session.js';

interface Manifest { modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[] }

async function documentedParts(): Promise<Map<string, string[]>> {
  const res = await fetch(new URL('../../dist/custom-elements.json', import.meta.url));
  if (!res.ok) throw new Error('widget/dist/custom-elements.json is missing: run `npm run manifest -w widget` (npm test does)');
  const manifest = (await res.json()) as Manifest;
  const out = new Map<string, string[]>();
  for (const m of manifest.modules) for (const d of m.declarations ?? []) if (d.tagName) out.set(d.tagName, (d.cssParts ?? []).map((p) => p.name));
  return out;
}

/** Part names in a shadow root, not descending into nested elements' shadow roots. */
function partsIn(root: ShadowRoot): Set<string> {
  return new Set([...root.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part')!.split(/\s+/).filter(Boolean)));
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/**
 * Host controls of a webinar's creator whose last action failed: bob is co-host, dave invited, carol a guest (the
 * marks, the co-host buttons).
 */
function fakeHostControls(): HostControlsLike {
  const state: HostControlsState = {
    isHost: true, creator: true, me: 'me', roles: { created_by: 'me', participants: ['me', 'bob', 'dave'], co_hosts: ['bob'] },
    webinar: true, locked: true, pending: [], error: { code: 'track_not_found', key: 'error.track_not_found' }, done: undefined,
    invites: [{ id: 'i1', invite: 's', url: 'http://demo.test/meeting/invite?room=r1&invite=s', role: 'audience', expiresAt: '2026-12-01T10:00:00.000Z', maxUses: null }],
  };
  const refused = async (): Promise<never> => { throw Object.assign(new Error('no'), { code: 'forbidden' }); };
  return {
    state, subscribe: (fn) => { fn(state); return () => {}; }, isPending: () => false, dismiss: () => {},
    mute: async () => {}, remove: async () => {}, promote: async () => {}, demote: async () => {}, lock: async () => {}, unlock: async () => {},
    makeCoHost: async () => {}, removeCoHost: async () => {},
    createInvite: async () => state.invites[0]!, revokeInvite: refused, end: refused,
  };
}

/** A session whose state the test changes. */
class LiveSession extends FakeSession {
  private fns: Array<(s: CallState) => void> = [];
  override subscribe(fn: (s: CallState) => void) { this.fns.push(fn); fn(this.state); return () => {}; }
  emit(state: CallState) { this.state = state; for (const fn of this.fns) fn(state); }
}


function fakeDevices() {
  const list = [{ deviceId: 'default', label: 'Default' }];
  const s: DevicesState = {
    live: true, lists: { audioinput: list, videoinput: list, audiooutput: list },
    active: { audioinput: 'default', videoinput: 'default', audiooutput: '' }, allowed: { audioinput: true, videoinput: true, audiooutput: true },
  };
  return { state: s, subscribe: (fn: (x: DevicesState) => void) => { fn(s); return () => {}; } };
}

const chatMessage = (id: string, text = `message ${id}`): ChatMessage =>
  ({ id, from: { identity: 'bob', name: 'Bob' }, text, timestamp: 1_700_000_000_000, local: false });

const call = (over: Partial<CallState>): CallState =>
  ({ ...INITIAL_CALL_STATE, connection: 'connected', callType: 'video', canPublish: true, micEnabled: true, cameraEnabled: true, ...over });

describe('CSS parts: documented = exported = rendered', () => {
  let stub: FetchStub | undefined;
  afterEach(() => { stub?.restore(); stub = undefined; });

  it('the manifest documents, for each view and for the host, exactly the declared parts', async () => {
    const docs = await documentedParts();
    for (const [tag, parts] of Object.entries(VIEW_PARTS)) {
      expect(sorted(docs.get(tag) ?? []), `@csspart of <${tag}>`).to.deep.equal(sorted(parts));
    }
    expect(sorted(docs.get('urbania-meeting') ?? []), '@csspart of <urbania-meeting>').to.deep.equal(sorted(ALL_PARTS));
    expect(docs.get('urbania-meeting')).to.include.members(['preview-camera-toggle', 'preview-mic-toggle', 'pager', 'start-audio']);
  });

  it('the host exports each view\'s declared parts', async () => {
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting></urbania-meeting>`);
    const prejoin = await waitFor(() => el.shadowRoot!.querySelector('urbania-pre-join'));
    const exported = (view: Element) => view.getAttribute('exportparts')!.split(',').map((s) => s.trim());
    expect(sorted(exported(prejoin))).to.deep.equal(sorted(VIEW_PARTS['urbania-pre-join']));
    el.view = 'invite';
    const invite = await waitFor(() => el.shadowRoot!.querySelector('urbania-invite'));
    expect(sorted(exported(invite))).to.deep.equal(sorted(VIEW_PARTS['urbania-invite']));
    el.view = 'room';
    const room = await waitFor(() => el.shadowRoot!.querySelector('urbania-room'), 4000, 'room view');
    expect(sorted(exported(room))).to.deep.equal(sorted(VIEW_PARTS['urbania-room']));
    el.remove();
  });

  it('the pre-join view renders exactly its declared parts (video with preview and a device error, then webinar)', async () => {
    const md = navigator.mediaDevices;
    const original = md.getUserMedia.bind(md);
    // The camera works, the microphone is missing: preview-video and media-error both show.
    md.getUserMedia = async (c?: MediaStreamConstraints) => {
      if (c?.audio && !c.video) throw Object.assign(new Error('no mic'), { name: 'NotFoundError' });
      if (c?.audio) throw Object.assign(new Error('retry separately'), { name: 'NotFoundError' });
      return original(c);
    };
    try {
      const el = await fixture(html`<urbania-pre-join .contacts=${[{ id: 'bob', name: 'Bob' }]} .callType=${'webinar'}></urbania-pre-join>`);
      const root = el.shadowRoot!;
      await waitFor(() => root.querySelector('[part="preview-video"]') && root.querySelector('[part="media-error"]'), 4000, 'preview + media error');
      root.querySelector<HTMLInputElement>('[part="contact"] input')!.click();
      await waitFor(() => root.querySelector('[part="speaker"]'), 2000, 'speaker tick');
      expect(sorted(partsIn(root))).to.deep.equal(sorted(VIEW_PARTS['urbania-pre-join']));
    } finally {
      md.getUserMedia = original;
    }
  });

  it('the invite view renders exactly its declared parts', async () => {
    const el = await fixture(html`<urbania-invite .roomName=${'r1'} .info=${roomInfo()}></urbania-invite>`);
    expect(sorted(partsIn(el.shadowRoot!))).to.deep.equal(sorted(VIEW_PARTS['urbania-invite']));
  });

  it('the room view renders exactly its own parts and exports the chat panel\'s (across publisher, audience and disconnected states)', async () => {
    const many = Array.from({ length: 30 }, (_, i) => person(`p${i}`, { isLocal: i === 0, micMuted: i === 1, isSpeaking: i === 2 }));
    const seen = new Set<string>();
    const chat = new ChatLog();
    chat.add(chatMessage('1'));
    const qa = new QaBoard();
    for (const state of [
      call({ participants: many.map((p, i) => (i === 3 ? { ...p, quality: 'good' as const } : p)), speaking: ['p2'], canPlayAudio: false }),
      call({ participants: [person('me', { isLocal: true, canPublish: false })], canPublish: false }),
      call({ participants: [], connection: 'disconnected', reason: 'participant_removed' }),
      // Presenting: the screen on the stage, the strip, the banner with its stop button, the pressed toggle.
      call({ participants: [person('me', { isLocal: true, screen: { sid: 'TR_s', track: { attach: (e) => e, detach: (e) => e } } }), person('bob')], canScreenShare: true, screenShareEnabled: true }),
      // Speaker view with a pinned participant: the spotlight, pin buttons, the layout and PiP toggles.
      call({ participants: [person('me', { isLocal: true }), person('bob'), person('carol')], speaking: ['carol'] }),
      // A raised hand: its badge on the tile.
      call({ participants: [person('me', { isLocal: true }), person('bob', { handRaisedAt: 1 })] }),
    ]) {
      const stage = new StageControl();
      if (state.participants.length === 3) stage.pin('bob', state);
      const el = await fixture<HTMLElement>(html`<urbania-room style="display:block;width:480px;height:360px" .session=${new FakeSession(state)} .roomName=${'r1'} .chat=${chat}
        .stage=${stage} .pip=${{ available: true, open: false }} .devices=${fakeDevices()} .stats=${new CallStats(() => [])} .qa=${qa}></urbania-room>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part="room"]'));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      for (const p of partsIn(el.shadowRoot!)) seen.add(p);
      // 480 px: a narrow bar, its "More options" menu open.
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]')?.click();
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      for (const p of partsIn(el.shadowRoot!)) seen.add(p);
      el.remove();
    }
    // The host's actions (webinar: promote and demote; a failed action; a removal awaiting confirmation) and, for a
    // participant the host just promoted, the stage notice.
    const screen = { sid: 'TR_s', track: { attach: (e: HTMLMediaElement) => e, detach: (e: HTMLMediaElement) => e } };
    const host = fakeHostControls();
    const hosting = call({
      canPublish: false,
      participants: [person('me', { isLocal: true }), person('bob', { cameraOn: true, screen }), person('carol', { canPublish: false }), person('dave')],
    });
    const live = new LiveSession(hosting);
    const hostView = await fixture<HTMLElement>(html`<urbania-room .session=${live} .hostControls=${host} .roomName=${'r1'}></urbania-room>`);
    const root = hostView.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part~="people-toggle"]')!.click();
    await (hostView as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    for (const p of partsIn(root)) seen.add(p);
    // "End for everyone" refused: the dialog with its error.
    root.querySelector<HTMLButtonElement>('[part~="end-call-button"]')!.click();
    await waitFor(() => root.querySelector('[part~="end-call-confirm"]'), 2000, 'end dialog');
    root.querySelector<HTMLButtonElement>('[part~="end-call-confirm"]')!.click();
    await waitFor(() => root.querySelector('[part~="end-call-error"]'), 2000, 'end error');
    for (const p of partsIn(root)) seen.add(p);
    root.querySelector<HTMLButtonElement>('[part~="invites-toggle"]')!.click();
    const invites = await waitFor(() => root.querySelector('urbania-invite-panel'), 2000, 'invite panel');
    expect(sorted(invites.getAttribute('exportparts')!.split(',').map((x) => x.trim()))).to.deep.equal(sorted(VIEW_PARTS['urbania-invite-panel']));
    live.emit({ ...hosting, canPublish: true });
    await (hostView as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    for (const p of partsIn(root)) seen.add(p);
    hostView.remove();
    expect(sorted(seen)).to.deep.equal(sorted(ROOM_OWN_PARTS));
    chat.setOpen(true);
    const el = await fixture<HTMLElement>(html`<urbania-room .session=${new FakeSession(call({ participants: [person('me', { isLocal: true })] }))} .chat=${chat}
      .devices=${fakeDevices()} .stats=${new CallStats(() => [])} .qa=${qa}></urbania-room>`);
    const panel = await waitFor(() => el.shadowRoot!.querySelector('urbania-chat-panel'), 2000, 'chat panel');
    expect(sorted(panel.getAttribute('exportparts')!.split(',').map((x) => x.trim()))).to.deep.equal(sorted(VIEW_PARTS['urbania-chat-panel']));
    const people = el.shadowRoot!.querySelector('urbania-participants-panel')!;
    expect(sorted(people.getAttribute('exportparts')!.split(',').map((x) => x.trim()))).to.deep.equal(sorted(VIEW_PARTS['urbania-participants-panel']));
    expect(sorted([...ROOM_OWN_PARTS, ...VIEW_PARTS['urbania-chat-panel'], ...VIEW_PARTS['urbania-participants-panel'], ...VIEW_PARTS['urbania-device-menu'], ...VIEW_PARTS['urbania-stats-panel'], ...VIEW_PARTS['urbania-qa-panel'], ...VIEW_PARTS['urbania-invite-panel']]))
      .to.deep.equal(sorted(VIEW_PARTS['urbania-room']));
    const menu = el.shadowRoot!.querySelector('urbania-device-menu')!;
    expect(sorted(menu.getAttribute('exportparts')!.split(',').map((x) => x.trim()))).to.deep.equal(sorted(VIEW_PARTS['urbania-device-menu']));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="stats-toggle"]')!.click();
    const stats = await waitFor(() => el.shadowRoot!.querySelector('urbania-stats-panel'), 2000, 'stats panel');
    expect(sorted(stats.getAttribute('exportparts')!.split(',').map((x) => x.trim()))).to.deep.equal(sorted(VIEW_PARTS['urbania-stats-panel']));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="qa-toggle"]')!.click();
    const qaPanel = await waitFor(() => el.shadowRoot!.querySelector('urbania-qa-panel'), 2000, 'Q&A panel');
    expect(sorted(qaPanel.getAttribute('exportparts')!.split(',').map((x) => x.trim()))).to.deep.equal(sorted(VIEW_PARTS['urbania-qa-panel']));
    el.remove();
  });

  it('the Q&A panel renders exactly its declared parts (empty; then the host with questions and a refused action)', async () => {
    const question = (id: string, answered: boolean) => ({ id, text: id, author: { identity: 'carol', name: 'Carole' }, created_at: '2026-11-27T01:00:00.000Z', votes: 1, voted: false, answered });
    let list: ReturnType<typeof question>[] = [];
    const refuse = async (): Promise<never> => { throw Object.assign(new Error('no'), { code: 'forbidden' }); };
    const client: QaClient = { listQuestions: async () => ({ room_name: 'w', questions: list }), askQuestion: refuse, voteQuestion: refuse, markQuestionAnswered: refuse, deleteQuestion: refuse };
    const qa = new QaBoard(60_000);
    qa.attach(client, 'w');
    await qa.refresh();
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<urbania-qa-panel .qa=${qa} host></urbania-qa-panel>`);
    const seen = partsIn(el.shadowRoot!);
    list = [question('a', false), question('b', true)];
    await qa.refresh();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="qa-mark-answered"]')!.click();
    await waitFor(() => el.shadowRoot!.querySelector('[part="qa-error"]'), 2000, 'error');
    for (const p of partsIn(el.shadowRoot!)) seen.add(p);
    expect(sorted(seen)).to.deep.equal(sorted(VIEW_PARTS['urbania-qa-panel']));
  });

  it('the invite-links panel renders exactly its declared parts (webinar; a link made, copied by hand, a refused revoke)', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<urbania-invite-panel .hostControls=${fakeHostControls()}></urbania-invite-panel>`);
    const root = el.shadowRoot!;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    try {
      root.querySelector<HTMLButtonElement>('[part="invites-create"]')!.click();
      await waitFor(() => root.querySelector('[part="invites-copy"]'), 2000, 'the link');
      root.querySelector<HTMLButtonElement>('[part="invites-copy"]')!.click();
      root.querySelector<HTMLButtonElement>('[part~="invites-revoke"]')!.click();
      await waitFor(() => root.querySelector('[part="invites-error"]'), 2000, 'error');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
    expect(sorted(partsIn(root))).to.deep.equal(sorted(VIEW_PARTS['urbania-invite-panel']));
  });

  it('the device menu and the statistics panel render exactly their declared parts', async () => {
    const menu = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<urbania-device-menu .devices=${fakeDevices()}></urbania-device-menu>`);
    menu.shadowRoot!.querySelector<HTMLButtonElement>('[part="device-menu-toggle"]')!.click();
    await menu.updateComplete;
    expect(sorted(partsIn(menu.shadowRoot!))).to.deep.equal(sorted(VIEW_PARTS['urbania-device-menu']));
    const track = { key: 'send:TR', direction: 'send' as const, identity: 'me', name: 'Me', source: 'camera', kind: 'video' as const, getReport: async () => undefined };
    const seen = new Set<string>();
    for (const tracks of [[], [track]]) {
      const panel = await fixture<HTMLElement>(html`<urbania-stats-panel .stats=${new CallStats(() => tracks)}></urbania-stats-panel>`);
      await waitFor(() => tracks.length === 0 || panel.shadowRoot!.querySelector('[part="stats-track"]'), 2000, 'a track');
      for (const p of partsIn(panel.shadowRoot!)) seen.add(p);
      panel.remove();
    }
    expect(sorted(seen)).to.deep.equal(sorted(VIEW_PARTS['urbania-stats-panel']));
  });

  it('the chat panel renders exactly its declared parts (earlier messages, messages with a link, a refused send, then read-only)', async () => {
    const chat = new ChatLog();
    chat.add(chatMessage('1', 'voir https://example.com'));
    chat.addEarlier([chatMessage('0', 'avant')]);
    chat.blocked = undefined;
    chat.transport = async () => { throw new ChatError('send_failed'); };
    const el = await fixture<HTMLElement & { canSend: boolean; updateComplete: Promise<unknown> }>(html`<urbania-chat-panel .chat=${chat} can-send></urbania-chat-panel>`);
    const root = el.shadowRoot!;
    root.querySelector('textarea')!.value = 'hello';
    root.querySelector<HTMLButtonElement>('[part="chat-send"]')!.click();
    await waitFor(() => root.querySelector('[part="chat-error"]'), 2000, 'chat error');
    const seen = partsIn(root);
    el.canSend = false;
    await el.updateComplete;
    for (const p of partsIn(root)) seen.add(p);
    expect(sorted(seen)).to.deep.equal(sorted(VIEW_PARTS['urbania-chat-panel']));
  });

  it('the participants panel renders exactly its declared parts (the host of a webinar, with hands up, a failed action, a removal to confirm)', async () => {
    const screen = { sid: 'TR_s', track: { attach: (e: HTMLMediaElement) => e, detach: (e: HTMLMediaElement) => e } };
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<urbania-participants-panel host .hostControls=${fakeHostControls()}
      .participants=${[person('me', { isLocal: true, handRaisedAt: 2 }), person('bob', { handRaisedAt: 1, cameraOn: true, screen }), person('carol', { canPublish: false, handRaisedAt: 3 }), person('dave')]}></urbania-participants-panel>`);
    const seen = partsIn(el.shadowRoot!);
    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-identity="dave"] [part="host-remove"]')!.click();
    await el.updateComplete;
    for (const p of partsIn(el.shadowRoot!)) seen.add(p);
    expect(sorted(seen)).to.deep.equal(sorted(VIEW_PARTS['urbania-participants-panel']));
  });

  it('the host renders exactly its own parts (error, left view with rejoin, announcer)', async () => {
    stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms/r1/join', status: 403, body: { error: { code: 'forbidden', message: 'no' } } }]);
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting view="room" room="r1" service-url="http://127.0.0.1:59999" .authToken=${'t'}></urbania-meeting>`);
    await waitFor(() => deepQuery(el, '[part="error"]') && el.shadowRoot!.querySelector('[part="left"]'), 3000, 'error + left view');
    // The picture-in-picture placeholder takes the room view's place only while the call floats: rendered apart.
    const placeholder = pipPlaceholder(document, translator('fr'), 'fr', () => {});
    el.shadowRoot!.append(placeholder);
    // The waiting room's message (a guest) and list (a host) belong to other states of the host: rendered apart too.
    const lobby = document.createElement('div');
    const t = translator('fr');
    render(html`${waitingTemplate(t, 'fr')}${knocksTemplate([{ identity: 'bob', name: 'Bob', knocked_at: '2026-11-27T01:00:00Z', via: 'participant' }], t, 'fr', () => {})}`, lobby);
    el.shadowRoot!.append(lobby);
    expect(sorted(partsIn(el.shadowRoot!))).to.deep.equal(sorted(HOST_PARTS));
    placeholder.remove();
    lobby.remove();
  });
});
