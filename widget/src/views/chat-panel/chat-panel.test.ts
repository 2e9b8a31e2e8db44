import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './chat-panel.js';
import '../room/room.js';
import type { UrbaniaChatPanel } from './chat-panel.component.js';
import type { UrbaniaRoom } from '../room/room.component.js';
import { ChatError, ChatLog, type ChatMessage } from '../../core/chat.js';
import { INITIAL_CALL_STATE, type CallState } from '../../core/call-session.js';
import { FakeSession, person } from '../../test/fake-session.js';
import { axeViolations, waitFor } from '../../test/helpers.js';

const msg = (id: string, text: string, over: Partial<ChatMessage> = {}): ChatMessage =>
  ({ id, from: { identity: 'bob', name: 'Bob Dupont' }, text, timestamp: Date.UTC(2026, 10, 26, 14, 5), local: false, ...over });

/** A chat whose transport records what is sent. */
function liveChat() {
  const chat = new ChatLog();
  const sent: string[] = [];
  chat.blocked = undefined;
  chat.transport = async (text) => { sent.push(text); return msg(`s${sent.length}`, text, { local: true, from: { identity: 'me', name: 'Me' } }); };
  return { chat, sent };
}

const q = <T extends Element = Element>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);

describe('<urbania-chat-panel>', () => {
  it('renders markup as text and only http(s) links, opened in a new tab with rel="noopener noreferrer"', async () => {
    const { chat } = liveChat();
    chat.add(msg('1', '<img src=x onerror="window.__chatXss=1"> voir https://example.com/a et javascript:alert(1)'));
    const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel .chat=${chat} can-send></urbania-chat-panel>`);
    const text = q(el, '[part="chat-text"]')!;
    expect(text.querySelector('img')).to.equal(null);
    expect(text.textContent).to.contain('<img src=x onerror="window.__chatXss=1">');
    const links = [...text.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel'), a.textContent])).to.deep.equal([
      ['https://example.com/a', '_blank', 'noopener noreferrer', 'https://example.com/a'],
    ]);
    expect((window as { __chatXss?: number }).__chatXss).to.equal(undefined);
    expect(q(el, '[part="chat-author"]')!.textContent).to.equal('Bob Dupont');
    expect(q(el, '[part="chat-messages"]')!.getAttribute('role')).to.equal('log');
  });

  it('Enter sends (the box empties), Shift+Enter does not, an empty box sends nothing', async () => {
    const { chat, sent } = liveChat();
    const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel .chat=${chat} can-send></urbania-chat-panel>`);
    const box = q<HTMLTextAreaElement>(el, '[part="chat-input"]')!;
    box.value = '   ';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    box.value = 'bonjour';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(sent).to.deep.equal([]);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitFor(() => sent.length === 1 && box.value === '', 2000, 'sent');
    expect(sent).to.deep.equal(['bonjour']);
    await el.updateComplete;
    const mine = q(el, '[part="chat-message"][data-local="true"]')!;
    expect(mine.querySelector('[part="chat-author"]')!.textContent).to.equal('Vous');
  });

  it('a refused message shows a localized alert and keeps the text', async () => {
    const chat = new ChatLog();
    chat.blocked = undefined;
    chat.transport = async () => { throw new ChatError('not_allowed'); };
    const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel .chat=${chat} can-send locale="en"></urbania-chat-panel>`);
    const box = q<HTMLTextAreaElement>(el, '[part="chat-input"]')!;
    box.value = 'hello';
    q<HTMLButtonElement>(el, '[part="chat-send"]')!.click();
    const alert = await waitFor(() => q(el, '[part="chat-error"]'), 2000, 'error');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.equal('You cannot write in this chat.');
    expect(box.value).to.equal('hello');
  });

  it('read-only (a webinar audience): no message box, a notice instead', async () => {
    const { chat } = liveChat();
    const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel .chat=${chat}></urbania-chat-panel>`);
    expect(q(el, 'textarea')).to.equal(null);
    expect(q(el, '[part="chat-readonly"]')!.textContent).to.contain('audience');
  });

  for (const [locale, label] of [['fr', 'Messages envoyés avant votre arrivée'], ['en', 'Messages sent before you joined']] as const) {
    it(`marks the messages sent before this page joined (${locale}), then the live ones follow unmarked`, async () => {
      const { chat } = liveChat();
      chat.add(msg('live', 'en direct'));
      chat.addEarlier([msg('old', 'avant'), msg('mine', 'moi avant', { local: true, from: { identity: 'me', name: 'Me' } })]);
      const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel .chat=${chat} can-send locale=${locale}></urbania-chat-panel>`);
      const items = [...el.shadowRoot!.querySelectorAll('ol > li')];
      expect(items.map((li) => [li.getAttribute('part'), li.getAttribute('data-earlier')])).to.deep.equal([
        ['chat-earlier', null], ['chat-message', 'true'], ['chat-message', 'true'], ['chat-message', null],
      ]);
      expect(items[0]!.textContent).to.equal(label);
      expect(items[2]!.querySelector('[part="chat-author"]')!.textContent).to.equal(locale === 'fr' ? 'Vous' : 'You');
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }

  it('no earlier-messages heading without history', async () => {
    const { chat } = liveChat();
    chat.add(msg('1', 'coucou'));
    const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel .chat=${chat} can-send></urbania-chat-panel>`);
    expect(q(el, '[part="chat-earlier"]')).to.equal(null);
  });

  it('Escape fires chat-close', async () => {
    const { chat } = liveChat();
    const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel .chat=${chat} can-send></urbania-chat-panel>`);
    setTimeout(() => q(el, 'textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await oneEvent(el, 'chat-close');
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`axe: no violations with messages, ${locale}`, async () => {
      const { chat } = liveChat();
      chat.add(msg('1', 'voir https://example.com'));
      chat.add(msg('2', 'moi', { local: true, from: { identity: 'me', name: 'Me' } }));
      const el = await fixture<UrbaniaChatPanel>(html`<urbania-chat-panel style="height:320px" .chat=${chat} can-send locale=${locale}></urbania-chat-panel>`);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});

const connected = (over: Partial<CallState> = {}): CallState => ({
  ...INITIAL_CALL_STATE, connection: 'connected', canChat: true,
  participants: [person('me', { name: 'Me', isLocal: true })],
  ...over,
});

describe('<urbania-room> chat toggle', () => {
  it('shows unread messages on the toggle, announces them while closed, opens the panel focused on the box, Escape closes back to the toggle', async () => {
    const { chat } = liveChat();
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${new FakeSession(connected())} .chat=${chat}></urbania-room>`);
    const toggle = q<HTMLButtonElement>(el, '[part="chat-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(q(el, '[part="chat-unread-badge"]')).to.equal(null);
    chat.add(msg('1', 'coucou'));
    chat.add(msg('2', 'ça va ?'));
    await el.updateComplete;
    expect(q(el, '[part="chat-unread-badge"]')!.textContent).to.equal('2');
    expect(toggle.getAttribute('aria-label')).to.equal('Discussion, 2 message(s) non lu(s)');
    expect(q(el, '.sr-only[aria-live]')!.textContent).to.equal('Message de Bob Dupont : ça va ?');

    toggle.click();
    const panel = await waitFor(() => q(el, 'urbania-chat-panel'), 2000, 'panel');
    await waitFor(() => panel.shadowRoot!.activeElement === q(panel, 'textarea'), 2000, 'focus in the box');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(q(el, '[part="chat-unread-badge"]')).to.equal(null);
    expect([...panel.shadowRoot!.querySelectorAll('[part="chat-text"]')].map((p) => p.textContent)).to.deep.equal(['coucou', 'ça va ?']);

    q(panel, 'textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => !q(el, 'urbania-chat-panel') && el.shadowRoot!.activeElement === toggle, 2000, 'closed, focus on the toggle');
    expect(chat.state.open).to.equal(false);
  });

  it('the history loaded on joining is neither unread nor announced again', async () => {
    const { chat } = liveChat();
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${new FakeSession(connected())} .chat=${chat}></urbania-room>`);
    chat.add(msg('1', 'coucou'));
    await el.updateComplete;
    const live = q(el, '.sr-only[aria-live]')!;
    expect(live.textContent).to.equal('Message de Bob Dupont : coucou');
    live.textContent = '';
    chat.addEarlier([msg('0', 'plus ancien')]);
    await el.updateComplete;
    expect(q(el, '[part="chat-unread-badge"]')!.textContent).to.equal('1');
    expect(q(el, '.sr-only[aria-live]')!.textContent).to.equal('');
  });

  it('the audience (no data grant) reads the chat without a message box', async () => {
    const { chat } = liveChat();
    chat.setOpen(true);
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${new FakeSession(connected({ canPublish: false, canChat: false }))} .chat=${chat}></urbania-room>`);
    const panel = await waitFor(() => q(el, 'urbania-chat-panel'), 2000, 'panel');
    expect(q(panel, 'textarea')).to.equal(null);
    expect(q(panel, '[part="chat-readonly"]')).to.exist;
  });
});
