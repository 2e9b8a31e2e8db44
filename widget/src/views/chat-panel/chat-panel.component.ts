import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { escapeCloses, enterSubmits } from '../panel-keys.js';
import { SubscriptionController } from '../../controllers/subscription-controller.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import styles from './chat-panel.styles.js';
import { portableRenderRoot } from '../../styles/adopt-styles.js';
import { translator, type Locale } from '../../i18n/room.js';
import { linkify } from '../../core/chat-text.js';
import { CHAT_MAX_LENGTH, type ChatErrorCode, type ChatLog, type ChatMessage, type ChatState } from '../../core/chat.js';

declare global {
  interface HTMLElementEventMap {
    'chat-close': CustomEvent<void>;
  }
}

/** What the panel needs from the call's chat (lets tests pass a fake). */
export type ChatLike = Pick<ChatLog, 'state' | 'subscribe' | 'send'>;

const ERROR_CODES: readonly ChatErrorCode[] = ['not_connected', 'not_allowed', 'empty', 'too_long', 'send_failed'];

/**
 * Internal chat panel of the room view: the call's messages (text only; http(s) links open in a new tab with
 * `rel="noopener noreferrer"`), a message box (Enter sends, Shift+Enter adds a line, Escape closes the panel).
 * The message list is a `role=log` live region, so screen readers read new messages while the panel is open.
 * Fires the internal `chat-close` event.
 *
 * @csspart chat-panel - The panel container.
 * @csspart chat-close - Close button.
 * @csspart chat-messages - The message list (`role=log`).
 * @csspart chat-message - One message (`data-identity`, `data-local`, `data-earlier` when sent before this page joined).
 * @csspart chat-earlier - Heads the messages sent before this page joined (kept by the service for late joiners).
 * @csspart chat-author - Sender's name.
 * @csspart chat-time - Time the message was sent.
 * @csspart chat-text - The message text.
 * @csspart chat-link - A link in a message.
 * @csspart chat-form - The message form.
 * @csspart chat-input - The message box.
 * @csspart chat-send - Send button.
 * @csspart chat-error - Why the last message could not be sent.
 * @csspart chat-readonly - Shown instead of the form when this participant may not write (a webinar's audience).
 */
export class UrbaniaChatPanel extends LitElement {
  static override styles = [sharedStyles, styles];

  /** Styled in whichever document it is in (opened while the call is in a picture-in-picture window). */
  protected override createRenderRoot(): ShadowRoot {
    return portableRenderRoot(this);
  }

  @property() locale: Locale = 'fr';
  @property({ attribute: false }) chat: ChatLike | undefined;
  /** This participant may write (the grant allows data). */
  @property({ type: Boolean, attribute: 'can-send' }) canSend = false;
  private readonly chatStateSub = new SubscriptionController<ChatState | undefined>(this, undefined);
  @state() private error: ChatErrorCode | undefined;
  @state() private sending = false;
  private stickToBottom = true;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('chat')) this.chatStateSub.set(this.chat);
  }

  /** Puts the keyboard in the message box (or on the close button when there is none). */
  override focus(): void {
    void this.updateComplete.then(() => {
      (this.renderRoot.querySelector<HTMLElement>('textarea') ?? this.renderRoot.querySelector<HTMLElement>('[part="chat-close"]'))?.focus();
    });
  }

  protected override updated(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('[part="chat-messages"]');
    if (list && this.stickToBottom) list.scrollTop = list.scrollHeight;
  }

  private onScroll(e: Event): void {
    const list = e.currentTarget as HTMLElement;
    this.stickToBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('chat-close', { bubbles: true }));
  }

  private onKeydown(e: KeyboardEvent): void {
    escapeCloses(e, () => this.close());
  }

  private onInputKeydown(e: KeyboardEvent): void {
    enterSubmits(e, () => void this.submit());
  }

  private async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (!box || !this.chat || this.sending) return;
    if (!box.value.trim()) return;
    this.sending = true;
    this.error = undefined;
    try {
      await this.chat.send(box.value);
      box.value = '';
      this.stickToBottom = true;
    } catch (err) {
      const code = (err as { code?: ChatErrorCode }).code;
      this.error = code && ERROR_CODES.includes(code) ? code : 'send_failed';
    } finally {
      this.sending = false;
      box.focus();
    }
  }

  private message(m: ChatMessage, t: ReturnType<typeof translator>) {
    const time = new Date(m.timestamp);
    const hhmm = time.toLocaleTimeString(this.locale === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' });
    return html`<li part="chat-message" data-identity=${m.from.identity} data-local=${m.local ? 'true' : 'false'} data-earlier=${m.earlier ? 'true' : nothing}>
      <div class="meta">
        <span part="chat-author">${m.local ? t('chat.you') : m.from.name}</span>
        <time part="chat-time" datetime=${time.toISOString()}>${hhmm}</time>
      </div>
      <p part="chat-text">${linkify(m.text).map((s) => s.kind === 'link'
        ? html`<a part="chat-link" href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>`
        : s.text)}</p>
    </li>`;
  }

  protected override render() {
    const t = translator(this.locale);
    const messages = this.chatStateSub.value?.messages ?? [];
    return html`<aside part="chat-panel" lang=${this.locale} aria-labelledby="chat-title" @keydown=${this.onKeydown}>
      <header>
        <h3 id="chat-title">${t('chat.title')}</h3>
        <button part="chat-close" type="button" aria-label=${t('chat.close')} @click=${this.close}>×</button>
      </header>
      <div part="chat-messages" class="messages" role="log" aria-live="polite" aria-labelledby="chat-title" tabindex="0" @scroll=${this.onScroll}>
        ${messages.length === 0 ? html`<p class="empty muted-text">${t('chat.empty')}</p>` : nothing}
        <ol>${messages[0]?.earlier ? html`<li part="chat-earlier" class="earlier muted-text">${t('chat.earlier')}</li>` : nothing}${repeat(
          messages, (m) => `${m.from.identity}\u0000${m.id}`, (m) => this.message(m, t))}</ol>
      </div>
      ${this.canSend
        ? html`<form part="chat-form" @submit=${this.submit}>
            <textarea part="chat-input" rows="2" maxlength=${CHAT_MAX_LENGTH} aria-label=${t('chat.input')} placeholder=${t('chat.placeholder')}
              aria-describedby=${this.error ? 'chat-error' : nothing} @keydown=${this.onInputKeydown}></textarea>
            <button part="chat-send" class="primary" type="submit" ?disabled=${this.sending}>${t('chat.send')}</button>
          </form>
          ${this.error ? html`<p id="chat-error" part="chat-error" role="alert">${t(`chat.error.${this.error}`)}</p>` : nothing}`
        : html`<p part="chat-readonly" class="muted-text">${t('chat.readonly')}</p>`}
    </aside>`;
  }
}
