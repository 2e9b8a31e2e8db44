import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared.styles.js';
import styles from './urbania-call-notifier.styles.js';
import { emit } from '../events.js';
import { errorKey, resolveLocale, translator, type MessageKey } from '../i18n/index.js';
import { CallNotifier, CallNotifierError, type EventSourceFactory, type NotifierEvent, type NotifierState } from '../core/call-notifier.js';
import { NotifierClient, type Invitation } from '../core/notifier-client.js';
import { enablePush, pushSupported } from '../core/push-subscribe.js';
import { ServiceError } from '../core/service-client.js';

/**
 * `<urbania-call-notifier>`: rings on any Urbania page when the signed-in user is invited to a call, with
 * "Rejoindre" / "Refuser", live through the token service's events stream (`GET /api/livekit/events`, a
 * single-use ticket per connection: the Urbania token never goes in a URL). It can also offer Web Push
 * ("Activer les notifications d’appel") so invitations reach the user when no Urbania page is open; that needs
 * `sw-url` (the widget's `urbania-sw.js`, served by the host page from its own origin) and VAPID keys on the service.
 * Small: it does not load livekit-client.
 *
 * @summary Incoming call notifications for Urbania pages.
 *
 * @event urbania-call-invited - A call rings. `detail: { room_name, call_type, from: { id, name }, created_at }`.
 * @event urbania-call-accepted - The user chose "Rejoindre". `detail: { room_name, call_type }`. Then, when `join-url` is set, the page navigates to it.
 * @event urbania-call-declined - The user chose "Refuser" (or Escape). `detail: { room_name, call_type }`. The service is told, so the user's other tabs and devices stop ringing.
 * @event urbania-call-missed - Nobody answered within `ring-seconds`. `detail` as for `urbania-call-invited`.
 * @event urbania-error - The service or notifications failed. `detail: { code, message }` (message localized).
 *
 * @csspart call - The incoming call card (`role=alertdialog`, `data-room`, `data-call-type`), fixed at the bottom corner.
 * @csspart call-title - "Appel vidéo entrant" / "Appel audio entrant".
 * @csspart call-caller - Who invites, to which room.
 * @csspart call-actions - The row of the two buttons.
 * @csspart accept-button - "Rejoindre".
 * @csspart decline-button - "Refuser".
 * @csspart enable-notifications - "Activer les notifications d’appel" (only with `sw-url`, push configured on the service, permission not asked yet).
 * @csspart notice - A short visible message (notifications enabled, or why they could not be).
 * @csspart announcer - The polite aria-live region announcing missed and answered calls.
 *
 * @cssprop --urbania-background - Card background.
 * @cssprop --urbania-text - Text color.
 * @cssprop --urbania-text-muted - Caller line color.
 * @cssprop --urbania-border - Card border.
 * @cssprop --urbania-accent - "Rejoindre" button.
 * @cssprop --urbania-accent-text - Text on the accent color.
 * @cssprop --urbania-danger - "Refuser" button.
 * @cssprop --urbania-focus-ring - Keyboard focus ring.
 * @cssprop --urbania-radius - Corner radius.
 * @cssprop --urbania-font-family - Font.
 * @cssprop --urbania-notifier-offset - Distance of the card from the bottom and end edges (1rem).
 * @cssprop --urbania-notifier-z-index - Stacking of the card (2147483000).
 */
export class UrbaniaCallNotifier extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The token service's base URL. */
  @property({ attribute: 'service-url' }) serviceUrl = '';
  /** Where "Rejoindre" goes: `{room}` and `{call_type}` are replaced (URL-encoded). Without it, only the event fires. */
  @property({ attribute: 'join-url' }) joinUrl = '';
  /** The service worker for Web Push (`urbania-sw.js`, served from this page's origin). Without it, no push is offered. */
  @property({ attribute: 'sw-url' }) swUrl = '';
  /** Seconds a call rings before it counts as missed. */
  @property({ attribute: 'ring-seconds', type: Number }) ringSeconds = 45;
  /** `fr` | `en`; else `<html lang>`; else French. */
  @property() override lang = '';
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;
  /** The Urbania JWT. */
  @property({ attribute: false }) authToken: string | undefined;
  /** Async callback returning a fresh Urbania JWT (wins over `authToken`); called for each events ticket. */
  @property({ attribute: false }) getAuthToken: (() => string | Promise<string>) | undefined;
  /** Replaces `new EventSource(url)` (a polyfill, or tests). */
  @property({ attribute: false }) createEventSource: EventSourceFactory | undefined;

  @state() private notifierState: NotifierState = { connection: 'idle', calls: [] };
  @state() private announcement = '';
  @state() private notice: { text: string; error: boolean } | undefined;
  @state() private canOfferPush = false;

  private notifier: CallNotifier | undefined;
  private client: NotifierClient | undefined;
  private unsubscribe: Array<() => void> = [];
  private returnFocusTo: HTMLElement | undefined;
  private shownRoom: string | undefined;

  /** The calls ringing now, oldest first. */
  get calls(): Invitation[] {
    return this.notifierState.calls;
  }

  /** The events stream's state: `idle` | `connecting` | `open` | `retrying`. */
  get connection(): NotifierState['connection'] {
    return this.notifierState.connection;
  }

  /** Joins the ringing call of `roomName` (the oldest when omitted). Rejects with `{ code: 'no_invitation' }` when none rings. */
  async accept(roomName?: string): Promise<void> {
    const invitation = await this.requireNotifier().answer('accepted', roomName);
    emit(this, 'urbania-call-accepted', { room_name: invitation.room_name, call_type: invitation.call_type });
    if (this.joinUrl) this.navigate(this.joinUrlFor(invitation));
  }

  /** Declines the ringing call of `roomName` (the oldest when omitted). Rejects with `{ code: 'no_invitation' }` when none rings. */
  async decline(roomName?: string): Promise<void> {
    const invitation = await this.requireNotifier().answer('declined', roomName);
    emit(this, 'urbania-call-declined', { room_name: invitation.room_name, call_type: invitation.call_type });
    this.announce(this.t('notifier.declined', { name: invitation.from.name }));
  }

  /**
   * Asks for the Notification permission (call it from a user gesture), subscribes this browser with the service's
   * VAPID key and saves the subscription. Rejects with `{ code }`: `push_unsupported`, `permission_denied`,
   * `service_worker_failed`, `push_not_configured` (no VAPID keys on the service) or another service code.
   */
  async enableNotifications(): Promise<void> {
    const client = this.makeClient();
    if (!this.swUrl) throw new CallNotifierError('service_worker_failed', 'Set the sw-url attribute to the served urbania-sw.js');
    try {
      await enablePush(client, this.swScriptUrl());
      this.canOfferPush = false;
      this.notice = { text: this.t('notifier.enabled'), error: false };
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'unknown';
      this.notice = { text: this.messageFor(code), error: true };
      if (code === 'permission_denied' || code === 'push_unsupported') this.canOfferPush = false;
      emit(this, 'urbania-error', { code, message: this.messageFor(code) });
      throw err;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('serviceUrl') || changed.has('authToken') || changed.has('getAuthToken') || changed.has('ringSeconds') || changed.has('createEventSource')) {
      this.restart();
    }
    if (changed.has('swUrl')) void this.checkPush();
    const shown = this.notifierState.calls[0]?.room_name;
    if (shown !== this.shownRoom) {
      const wasShown = this.shownRoom !== undefined;
      this.shownRoom = shown;
      if (shown !== undefined) this.focusCall(wasShown);
      else this.restoreFocus();
    }
  }

  protected override render() {
    const call = this.notifierState.calls[0];
    return html`
      <div part="announcer" class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      ${this.canOfferPush
        ? html`<button part="enable-notifications" type="button" @click=${() => this.enableNotifications().catch(() => {})}>${this.t('notifier.enable')}</button>`
        : nothing}
      ${this.notice
        ? html`<p part="notice" role=${this.notice.error ? 'alert' : 'status'} data-error=${this.notice.error ? 'true' : 'false'}>${this.notice.text}</p>`
        : nothing}
      ${call ? this.renderCall(call) : nothing}
    `;
  }

  private renderCall(call: Invitation) {
    return html`
      <div
        part="call"
        role="alertdialog"
        aria-modal="false"
        aria-labelledby="call-title"
        aria-describedby="call-caller"
        data-room=${call.room_name}
        data-call-type=${call.call_type}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            void this.decline(call.room_name).catch(() => {});
          }
        }}
      >
        <p part="call-title" id="call-title">${this.t(call.call_type === 'audio' ? 'notifier.incoming.audio' : 'notifier.incoming.video')}</p>
        <p part="call-caller" id="call-caller">${this.t('notifier.from', { name: call.from.name, room: call.room_name })}</p>
        <div part="call-actions">
          <button part="decline-button" class="danger" type="button" @click=${() => this.decline(call.room_name).catch(() => {})}>${this.t('notifier.decline')}</button>
          <button part="accept-button" class="primary" type="button" @click=${() => this.accept(call.room_name).catch(() => {})}>${this.t('notifier.accept')}</button>
        </div>
      </div>
    `;
  }

  /** The join URL for an invitation (`join-url` with `{room}` and `{call_type}` filled in). */
  protected joinUrlFor(invitation: Invitation): string {
    return this.joinUrl
      .replaceAll('{room}', encodeURIComponent(invitation.room_name))
      .replaceAll('{call_type}', encodeURIComponent(invitation.call_type));
  }

  /** `sw-url` with what the worker needs when the page is closed: where "Rejoindre" goes, and the language. */
  private swScriptUrl(): string {
    const url = new URL(this.swUrl, document.baseURI);
    if (this.joinUrl) url.searchParams.set('join-url', this.joinUrl);
    url.searchParams.set('lang', resolveLocale(this.lang));
    return url.href;
  }

  /** Goes to the join page (tests replace it). */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  private get hasAuth(): boolean {
    return Boolean(this.authToken || this.getAuthToken);
  }

  private makeClient(): NotifierClient {
    return (this.client ??= new NotifierClient({
      baseUrl: this.serviceUrl,
      getAuthToken: () => (this.getAuthToken ? this.getAuthToken() : this.authToken ?? ''),
    }));
  }

  private requireNotifier(): CallNotifier {
    if (!this.notifier) throw new CallNotifierError('no_invitation', 'No call is ringing');
    return this.notifier;
  }

  private restart(): void {
    this.teardown();
    if (!this.serviceUrl || !this.hasAuth || !this.isConnected) return;
    this.client = undefined;
    const notifier = new CallNotifier(this.makeClient(), {
      ringMs: Math.max(1, this.ringSeconds) * 1000,
      ...(this.createEventSource && { eventSource: this.createEventSource }),
    });
    this.notifier = notifier;
    this.unsubscribe.push(
      notifier.subscribe((s) => (this.notifierState = s)),
      notifier.on((e) => this.onNotifierEvent(e)),
    );
    notifier.start();
    void this.checkPush();
  }

  private teardown(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.notifier?.stop();
    this.notifier = undefined;
    this.notifierState = { connection: 'idle', calls: [] };
  }

  private onNotifierEvent(e: NotifierEvent): void {
    switch (e.type) {
      case 'ring':
        emit(this, 'urbania-call-invited', { ...e.invitation });
        break;
      case 'missed':
        emit(this, 'urbania-call-missed', { ...e.invitation });
        this.announce(this.t('notifier.missed', { name: e.invitation.from.name }));
        break;
      case 'answered':
        if (!e.here) {
          const key = e.answer === 'accepted' ? 'notifier.acceptedElsewhere' : 'notifier.declinedElsewhere';
          this.announce(this.t(key, { name: e.invitation.from.name }));
        }
        break;
      case 'error':
        // A stream that drops is retried by the notifier; only what the user should know is reported.
        if (['unauthorized', 'no_auth', 'no_service_url', 'forbidden'].includes(e.error.code)) {
          emit(this, 'urbania-error', { code: e.error.code, message: this.messageFor(e.error.code) });
        }
        break;
    }
  }

  /** Offers push when it can work here and was not decided yet; keeps an already granted subscription saved. */
  private async checkPush(): Promise<void> {
    this.canOfferPush = false;
    if (!this.swUrl || !this.serviceUrl || !this.hasAuth || !pushSupported()) return;
    try {
      if (Notification.permission === 'granted') {
        await enablePush(this.makeClient(), this.swScriptUrl());
      } else if (Notification.permission === 'default') {
        await this.makeClient().vapidPublicKey();
        this.canOfferPush = true;
      }
    } catch {
      // No VAPID keys on the service, or no service worker: nothing to offer.
    }
  }

  private focusCall(replacing: boolean): void {
    if (!replacing) {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      this.returnFocusTo = active instanceof HTMLElement && active !== document.body ? active : undefined;
    }
    this.renderRoot.querySelector<HTMLButtonElement>('[part="accept-button"]')?.focus();
  }

  /** Back to where the user was, if focus was in the card (now gone) or got lost with it. */
  private restoreFocus(): void {
    const active = document.activeElement;
    const lost = !active || active === document.body || active === this;
    const target = this.returnFocusTo;
    this.returnFocusTo = undefined;
    if ((lost || this.shadowRoot?.activeElement) && target?.isConnected) target.focus();
  }

  private announce(text: string): void {
    // Cleared first so the same sentence twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private messageFor(code: string): string {
    const own = `notifier.error.${code}`;
    return this.t((own in NOTIFIER_ERROR_KEYS ? own : errorKey(code)) as MessageKey);
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return translator(resolveLocale(this.lang))(key, params);
  }
}

const NOTIFIER_ERROR_KEYS = {
  'notifier.error.push_unsupported': true,
  'notifier.error.permission_denied': true,
  'notifier.error.service_worker_failed': true,
};

// ServiceError is re-exported for `instanceof` checks on rejections.
export { ServiceError, CallNotifierError };
