import { expect } from '@open-wc/testing';
import { CHAT_MAX_LENGTH, CHAT_TOPIC, ChatError, ChatLog, type ChatMessage } from './chat.js';
import { linkify } from './chat-text.js';
import { CallSession, type SessionEvent } from './call-session.js';
import { MeetingFlow, type FlowEvent } from './meeting-flow.js';
import { RoomEvent } from 'livekit-client';
import { FakeParticipant, fakeModule, lastRoom } from '../test/fake-livekit.js';
import { joinResponse, roomInfo } from '../test/helpers.js';

const tick = () => new Promise((r) => setTimeout(r, 0));
const connectOptions = { url: 'ws://127.0.0.1:7880', token: 'tok', roomName: 'r1', callType: 'video' as const, canPublish: true, audio: false, video: false };

const msg = (id: string, over: Partial<ChatMessage> = {}): ChatMessage =>
  ({ id, from: { identity: 'bob', name: 'Bob' }, text: `message ${id}`, timestamp: 1, local: false, ...over });

async function rejection(p: Promise<unknown>): Promise<ChatError> {
  try { await p; } catch (e) { return e as ChatError; }
  throw new Error('expected a rejection');
}

describe('chat: ChatLog', () => {
  it('keeps messages in order, bounded to the limit (the oldest go first)', () => {
    const log = new ChatLog({ limit: 3 });
    for (const id of ['1', '2', '3', '4', '5']) log.add(msg(id));
    expect(log.state.messages.map((m) => m.id)).to.deep.equal(['3', '4', '5']);
  });

  it('ignores a second message with the same sender and id, not the same id from someone else', () => {
    const log = new ChatLog();
    const seen: string[] = [];
    log.onMessage((m) => seen.push(`${m.from.identity}:${m.id}`));
    expect(log.add(msg('a'))).to.equal(true);
    expect(log.add(msg('a', { text: 'again' }))).to.equal(false);
    expect(log.add(msg('a', { from: { identity: 'carol', name: 'Carol' } }))).to.equal(true);
    expect(seen).to.deep.equal(['bob:a', 'carol:a']);
  });

  it('addEarlier puts the history first, marked earlier, skipping what arrived live; not unread, no onMessage; bounded', () => {
    const log = new ChatLog({ limit: 4 });
    const seen: string[] = [];
    log.onMessage((m) => seen.push(m.id));
    log.add(msg('live-1'));
    log.add(msg('both', { text: 'live copy' }));
    const added = log.addEarlier([msg('e1'), msg('e2', { from: { identity: 'me', name: 'Me' }, local: true }), msg('both', { text: 'stored copy' }), msg('e1')]);
    expect(added).to.equal(2);
    expect(log.state.messages.map((m) => [m.id, m.earlier ?? false, m.text])).to.deep.equal([
      ['e1', true, 'message e1'], ['e2', true, 'message e2'], ['live-1', false, 'message live-1'], ['both', false, 'live copy'],
    ]);
    expect(log.state.unread).to.equal(2);
    expect(seen).to.deep.equal(['live-1', 'both']);
    // Over the limit the oldest go first (here the older earlier message itself); nothing new is no change.
    log.addEarlier([msg('e0')]);
    expect(log.state.messages.map((m) => m.id)).to.deep.equal(['e1', 'e2', 'live-1', 'both']);
    const before = log.state;
    expect(log.addEarlier([msg('e1')])).to.equal(0);
    expect(log.state).to.equal(before);
  });

  it('counts unread messages from others while closed; opening reads them; own messages never count', () => {
    const log = new ChatLog();
    log.add(msg('1'));
    log.add(msg('2'));
    log.add(msg('3', { local: true, from: { identity: 'me', name: 'Me' } }));
    expect(log.state.unread).to.equal(2);
    log.setOpen(true);
    expect(log.state).to.include({ unread: 0, open: true });
    log.add(msg('4'));
    expect(log.state.unread).to.equal(0);
    log.setOpen(false);
    log.add(msg('5'));
    expect(log.state.unread).to.equal(1);
    log.clear();
    expect(log.state).to.include({ unread: 0 });
    expect(log.state.messages).to.deep.equal([]);
  });

  it('send: typed errors for not connected, empty and too long; trims; the sent message joins the list', async () => {
    const log = new ChatLog();
    expect((await rejection(log.send('hi'))).code).to.equal('not_connected');
    const sent: string[] = [];
    log.transport = async (text) => { sent.push(text); return msg(`s${sent.length}`, { text, local: true, from: { identity: 'me', name: 'Me' } }); };
    log.blocked = undefined;
    const e = await rejection(log.send('   '));
    expect(e).to.be.instanceOf(ChatError);
    expect(e.code).to.equal('empty');
    expect((await rejection(log.send('x'.repeat(CHAT_MAX_LENGTH + 1)))).code).to.equal('too_long');
    const m = await log.send('  bonjour  ');
    expect(m.text).to.equal('bonjour');
    expect(sent).to.deep.equal(['bonjour']);
    expect(log.state.messages.map((x) => x.text)).to.deep.equal(['bonjour']);
    log.blocked = 'not_connected';
    expect((await rejection(log.send('hi'))).code).to.equal('not_connected');
  });

  it('send: a transport failure becomes send_failed; a ChatError from the transport keeps its code', async () => {
    const log = new ChatLog();
    log.blocked = undefined;
    log.transport = async () => { throw new Error('data channel closed'); };
    expect((await rejection(log.send('hi'))).code).to.equal('send_failed');
    log.transport = async () => { throw new ChatError('not_allowed'); };
    expect((await rejection(log.send('hi'))).code).to.equal('not_allowed');
    expect(log.state.messages).to.have.length(0);
  });
});

describe('chat: linkify', () => {
  it('plain text stays one text segment, markup included', () => {
    expect(linkify('<img src=x onerror=alert(1)>')).to.deep.equal([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('finds http(s) and www. links, leaving trailing punctuation out', () => {
    expect(linkify('voir https://example.com/a?b=1, et www.urbania.fr.')).to.deep.equal([
      { kind: 'text', text: 'voir ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', et ' },
      { kind: 'link', text: 'www.urbania.fr', href: 'https://www.urbania.fr/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps a balanced closing parenthesis, drops an enclosing one', () => {
    expect(linkify('(https://fr.wikipedia.org/wiki/Lyon_(ville))')).to.deep.equal([
      { kind: 'text', text: '(' },
      { kind: 'link', text: 'https://fr.wikipedia.org/wiki/Lyon_(ville)', href: 'https://fr.wikipedia.org/wiki/Lyon_(ville)' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('never links other schemes', () => {
    for (const t of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'JaVaScRiPt://example.com/%0aalert(1)', 'file:///etc/passwd', 'http://']) {
      expect(linkify(t).every((s) => s.kind === 'text'), t).to.equal(true);
    }
  });
});

describe('chat on the call session (LiveKit text streams on lk.chat)', () => {
  it('sends one text stream on lk.chat and receives text streams from others with their name', async () => {
    expect(CHAT_TOPIC).to.equal('lk.chat');
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    await s.connect(connectOptions);
    const room = lastRoom!;
    const sent = await s.sendChatMessage('salut');
    expect(room.localParticipant.sentTexts).to.deep.equal([{ text: 'salut', topic: 'lk.chat' }]);
    expect(sent).to.deep.include({ id: 'TS_1', text: 'salut', local: true, from: { identity: 'me', name: 'Me' } });
    room.remoteParticipants.set('bob', new FakeParticipant('bob', 'Bob Dupont'));
    room.receiveText('lk.chat', 'bob', '<img src=x onerror=alert(1)>', 'TS_b1', 42);
    room.receiveText('lk.transcription', 'bob', 'not chat');
    await tick();
    expect(events.filter((e) => e.type === 'chat-message')).to.deep.equal([{ type: 'chat-message', message:
      { id: 'TS_b1', from: { identity: 'bob', name: 'Bob Dupont' }, text: '<img src=x onerror=alert(1)>', timestamp: 42, local: false } }]);
  });

  it('a message that arrives before its sender is known waits for the participant to get the name', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    await s.connect(connectOptions);
    const room = lastRoom!;
    room.receiveText('lk.chat', 'carol', 'hello', 'TS_c1', 7);
    await tick();
    expect(events.filter((e) => e.type === 'chat-message')).to.have.length(0);
    const carol = new FakeParticipant('carol', 'Carole Lefèvre');
    room.remoteParticipants.set('carol', carol);
    room.emit(RoomEvent.ParticipantConnected, carol);
    await tick();
    const got = events.find((e) => e.type === 'chat-message');
    expect(got && got.type === 'chat-message' && got.message.from).to.deep.equal({ identity: 'carol', name: 'Carole Lefèvre' });
  });

  it('refuses with not_allowed when the grant has no data permission, not_connected outside a call', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    expect((await rejection(s.sendChatMessage('x'))).code).to.equal('not_connected');
    await s.connect({ ...connectOptions, canPublish: false });
    lastRoom!.localParticipant.permissions = { canPublish: false, canPublishData: false };
    expect((await rejection(s.sendChatMessage('x'))).code).to.equal('not_allowed');
    expect(lastRoom!.localParticipant.sentTexts).to.deep.equal([]);
  });
});

describe('chat in the meeting flow', () => {
  it('collects the call\'s messages, fires chat-message for each (sent and received), starts empty on the next join', async () => {
    const join = { method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200, body: joinResponse(roomInfo({ room_name: 'r1' })) };
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input)).pathname;
      const ok = path === join.path && (init?.method ?? 'GET') === 'POST';
      return new Response(JSON.stringify(ok ? join.body : { room_name: 'r1', left: true }), { status: 200 });
    }) as typeof globalThis.fetch;
    const flow = new MeetingFlow({ session: new CallSession({ loadLiveKit: async () => fakeModule }), preload: async () => fakeModule, fetch });
    const events: FlowEvent[] = [];
    flow.on((e) => events.push(e));
    expect(flow.call, 'no in-call chunk before a join').to.equal(undefined);
    flow.configure({ serviceUrl: 'http://service.test', authToken: 'jwt', entry: 'room', room: 'r1' });
    for (let i = 0; i < 200 && flow.phase.phase !== 'in-call'; i++) await tick();
    expect(flow.phase.phase).to.equal('in-call');
    await flow.call!.chat.send('bonjour');
    lastRoom!.remoteParticipants.set('bob', new FakeParticipant('bob', 'Bob Dupont'));
    lastRoom!.receiveText('lk.chat', 'bob', 'salut', 'TS_b1');
    await tick();
    expect(flow.call!.chat.state.messages.map((m) => `${m.from.identity}:${m.text}`)).to.deep.equal(['me:bonjour', 'bob:salut']);
    expect(flow.call!.chat.state.unread).to.equal(1);
    expect(events.filter((e) => e.type === 'chat-message').map((e) => e.type === 'chat-message' && e.message.text)).to.deep.equal(['bonjour', 'salut']);
    await flow.leave();
    expect((await rejection(flow.call!.chat.send('après'))).code).to.equal('not_connected');
    void flow.join();
    for (let i = 0; i < 200 && flow.phase.phase !== 'in-call'; i++) await tick();
    expect(flow.call!.chat.state.messages).to.deep.equal([]);
    await flow.leave();
  });
});
