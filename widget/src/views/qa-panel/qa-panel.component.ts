import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { escapeCloses, enterSubmits } from '../panel-keys.js';
import { SubscriptionController } from '../../controllers/subscription-controller.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { portableRenderRoot } from '../../styles/adopt-styles.js';
import styles from './qa-panel.styles.js';
import { translator, type Locale } from '../../i18n/room.js';
import type { QaBoard, QaState, Question } from '../../core/qa.js';

declare global {
  interface HTMLElementEventMap {
    'qa-close': CustomEvent<void>;
  }
}

/** What the panel needs from the call's Q&A (lets tests pass a fake). */
export type QaLike = Pick<QaBoard, 'state' | 'subscribe' | 'ask' | 'vote' | 'markAnswered' | 'remove'>;

const QUESTION_MAX_LENGTH = 500;

/**
 * Internal Q&A panel of the room view (webinars): the audience's questions, most voted first; a vote toggle per
 * question (`aria-pressed`, one vote per person), the host marks a question answered or deletes it, the author
 * deletes their own; a box to ask (Enter sends, Shift+Enter adds a line, Escape closes). Changes are announced in a
 * polite live region. Fires the internal `qa-close` event.
 *
 * @csspart qa-panel - The panel container.
 * @csspart qa-close - Close button.
 * @csspart qa-list - The list of questions.
 * @csspart qa-question - One question (`data-id`, `data-answered`).
 * @csspart qa-text - The question's text.
 * @csspart qa-author - Who asked it.
 * @csspart qa-vote - Vote toggle with the vote count (`aria-pressed`).
 * @csspart qa-answered - "Answered" mark.
 * @csspart qa-mark-answered - The host marks the question answered.
 * @csspart qa-delete - Delete (the host, or the author).
 * @csspart qa-form - The question form.
 * @csspart qa-input - The question box.
 * @csspart qa-ask - Send button.
 * @csspart qa-error - Why the last action failed.
 * @csspart qa-empty - Shown when there is no question yet.
 */
export class UrbaniaQaPanel extends LitElement {
  static override styles = [sharedStyles, styles];

  @property() locale: Locale = 'fr';
  @property({ attribute: false }) qa: QaLike | undefined;
  /** Our identity (the author may delete their question). */
  @property({ attribute: false }) identity = '';
  /** We created the room: mark answered, delete any question. */
  @property({ type: Boolean }) host = false;
  private readonly qaStateSub = new SubscriptionController<QaState | undefined>(this, undefined);
  @state() private announcement = '';
  @state() private busy = false;

  protected override createRenderRoot(): ShadowRoot {
    return portableRenderRoot(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('qa')) this.qaStateSub.set(this.qa);
  }

  /** Puts the keyboard in the question box. */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('textarea')?.focus());
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('qa-close', { bubbles: true }));
  }

  private onKeydown(e: KeyboardEvent): void {
    escapeCloses(e, () => this.close());
  }

  private onInputKeydown(e: KeyboardEvent): void {
    enterSubmits(e, () => void this.submit());
  }

  private async run(action: () => Promise<void>, done: string): Promise<boolean> {
    if (!this.qa || this.busy) return false;
    this.busy = true;
    try {
      await action();
      this.announcement = done;
      return true;
    } catch {
      return false; // the board's state carries the error, shown below
    } finally {
      this.busy = false;
    }
  }

  private async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (!box || !box.value.trim()) return;
    const t = translator(this.locale);
    if (await this.run(() => this.qa!.ask(box.value), t('qa.asked'))) box.value = '';
    box.focus();
  }

  private question(q: Question, t: ReturnType<typeof translator>) {
    const mine = q.author.identity === this.identity;
    return html`<li part="qa-question" data-id=${q.id} data-answered=${q.answered ? 'true' : 'false'}>
      <button part="qa-vote" type="button" aria-pressed=${q.voted ? 'true' : 'false'} ?disabled=${this.busy}
        aria-label=${t(q.voted ? 'qa.unvote' : 'qa.vote', { count: q.votes })} data-tip=${t(q.voted ? 'qa.unvote' : 'qa.vote', { count: q.votes })}
        @click=${() => this.run(() => this.qa!.vote(q.id, !q.voted), t(q.voted ? 'qa.unvoted' : 'qa.voted'))}>${q.votes}</button>
      <p part="qa-text">${q.text}</p>
      <div class="meta">
        <span part="qa-author">${mine ? t('chat.you') : q.author.name}</span>
        ${q.answered ? html`<span part="qa-answered">${t('qa.answered')}</span>` : nothing}
      </div>
      ${this.host || mine
        ? html`<div class="actions">
            ${this.host && !q.answered
              ? html`<button part="qa-mark-answered" type="button" ?disabled=${this.busy}
                  @click=${() => this.run(() => this.qa!.markAnswered(q.id), t('qa.markedAnswered'))}>${t('qa.markAnswered')}</button>`
              : nothing}
            <button part="qa-delete" type="button" ?disabled=${this.busy} aria-label=${t('qa.deleteNamed', { text: q.text.slice(0, 60) })}
              @click=${() => this.run(() => this.qa!.remove(q.id), t('qa.deleted'))}>${t('qa.delete')}</button>
          </div>`
        : nothing}
    </li>`;
  }

  protected override render() {
    const t = translator(this.locale);
    const questions = this.qaStateSub.value?.questions ?? [];
    const error = this.qaStateSub.value?.error;
    return html`<aside part="qa-panel" lang=${this.locale} aria-labelledby="qa-title" @keydown=${this.onKeydown}>
      <header>
        <h3 id="qa-title">${t('qa.title')}</h3>
        <button part="qa-close" type="button" aria-label=${t('qa.close')} @click=${this.close}>×</button>
      </header>
      <div part="qa-list" class="list" aria-labelledby="qa-title" role="region" tabindex="0">
        ${questions.length === 0 ? html`<p part="qa-empty" class="muted-text">${t('qa.empty')}</p>` : nothing}
        <ol>${repeat(questions, (q) => q.id, (q) => this.question(q, t))}</ol>
      </div>
      <form part="qa-form" @submit=${this.submit}>
        <textarea part="qa-input" rows="2" maxlength=${QUESTION_MAX_LENGTH} aria-label=${t('qa.input')} placeholder=${t('qa.placeholder')}
          @keydown=${this.onInputKeydown}></textarea>
        <button part="qa-ask" class="primary" type="submit" ?disabled=${this.busy}>${t('qa.ask')}</button>
      </form>
      ${error ? html`<p part="qa-error" role="alert">${t('qa.error')}</p>` : nothing}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
    </aside>`;
  }
}
