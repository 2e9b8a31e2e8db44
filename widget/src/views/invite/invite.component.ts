import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import styles from './invite.styles.js';
import { translator, type Locale } from '../../i18n/index.js';
import type { RoomInfo } from '../../core/service-client.js';

declare global {
  interface HTMLElementEventMap {
    'invite-join': CustomEvent<void>;
    'join-warmup': CustomEvent<void>;
  }
}

/**
 * Internal invite view: the room's name, creator, type and who is in it now, then "Rejoindre maintenant".
 * Fires the internal `invite-join` event.
 *
 * @csspart invite - The view container.
 * @csspart invite-info - The room information list.
 * @csspart join-button - "Rejoindre maintenant".
 */
export class UrbaniaInvite extends LitElement {
  static override styles = [sharedStyles, styles];

  @property() locale: Locale = 'fr';
  @property({ attribute: false }) roomName = '';
  @property({ attribute: false }) info: RoomInfo | undefined;
  @property({ type: Boolean }) loading = false;
  @property({ type: Boolean }) busy = false;

  private join(): void {
    if (!this.busy) this.dispatchEvent(new CustomEvent('invite-join', { bubbles: true }));
  }

  private warm(): void {
    this.dispatchEvent(new CustomEvent('join-warmup', { bubbles: true }));
  }

  protected override render() {
    const t = translator(this.locale);
    const info = this.info;
    const type = info ? (info.webinar ? t('callType.webinar') : info.call_type === 'audio' ? t('callType.audio') : t('callType.video')) : '';
    return html`
      <section part="invite" lang=${this.locale} aria-labelledby="title">
        <h2 id="title">${t('invite.title')}</h2>
        ${!this.roomName ? html`<p>${t('invite.noRoom')}</p>` : nothing}
        ${this.loading ? html`<p role="status">${t('invite.loading')}</p>` : nothing}
        <dl part="invite-info">
          <dt>${t('invite.room')}</dt><dd data-field="room_name">${info?.room_name ?? this.roomName}</dd>
          ${info
            ? html`
              <dt>${t('invite.creator')}</dt><dd data-field="created_by">${info.created_by_name || info.created_by}</dd>
              <dt>${t('invite.type')}</dt><dd data-field="call_type">${type}</dd>
              <dt>${t('invite.connected')}</dt>
              <dd data-field="connected">${info.connected.length
                ? html`<ul>${info.connected.map((c) => html`<li data-identity=${c.identity}>${c.name || c.identity}</li>`)}</ul>`
                : t('invite.nobody')}</dd>`
            : nothing}
        </dl>
        <div>
          <button part="join-button" class="primary" type="button" ?disabled=${!this.roomName || this.busy}
            aria-busy=${this.busy ? 'true' : 'false'}
            @click=${this.join} @pointerenter=${this.warm} @focus=${this.warm}>${t('invite.join')}</button>
        </div>
      </section>
    `;
  }
}
