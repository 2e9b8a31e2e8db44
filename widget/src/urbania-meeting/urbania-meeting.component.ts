import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared.styles.js';
import styles from './urbania-meeting.styles.js';
import { emit } from '../events.js';
import { errorKey, resolveLocale, translator, type Locale, type MessageKey } from '../i18n/index.js';
import { ServiceClient, ServiceError, type CallType, type RoomInfo } from '../core/service-client.js';
import { CallSession, preloadLiveKit, type ConnectionStateName } from '../core/call-session.js';
import { loadUserChoices, saveUserChoices, type UserChoices } from '../core/user-choices.js';
import type { MediaErrorCode } from '../core/media-errors.js';
import '../views/pre-join/pre-join.js';
import '../views/invite/invite.js';
import type { Contact, PreJoinSubmitDetail, PreJoinCallType } from '../views/pre-join/pre-join.component.js';
import type { Room } from 'livekit-client';

export type MeetingView = 'pre-join' | 'room' | 'invite';

const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

// View parts re-exported on the host so pages can style them with urbania-meeting::part(…).
const PREJOIN_PARTS = 'prejoin, room-name-input, call-type-select, contact, speaker, display-name-input, preview, preview-video, mic-level, media-error, start-button, videoinput-select, audioinput-select, audiooutput-select';
const INVITE_PARTS = 'invite, invite-info, join-button';
const ROOM_PARTS = 'room, grid, tile, avatar, tile-name, muted-indicator, speaking-indicator, pager, prev-page, next-page, controls, mic-toggle, camera-toggle, leave-button, start-audio, participant-list, connection-status, audience-badge, audience-notice, rejoin-button';

interface ShownError { code: string; device?: 'camera' | 'microphone' | undefined; detail?: string | undefined }

/**
 * `<urbania-meeting>`: a whole video call in one tag — pre-join, invite and room views on the Urbania token service
 * and LiveKit. Renders in the page's DOM (open shadow root), never touches global CSS or globals.
 *
 * @summary Embeddable Urbania video call.
 *
 * @event urbania-joined - Connected to the call. `detail: { room, identity, canPublish }`.
 * @event urbania-left - Left the call (button, `leave()`, removal, or disconnected by the server). `detail: { room, reason }`; reason is `client_initiated`, `element_removed`, `participant_removed`, `room_deleted`, `server_shutdown`, `duplicate_identity`, `connection_lost` (reconnection gave up), `join_failure` or another LiveKit `DisconnectReason` in snake case.
 * @event urbania-participant-joined - Someone joined after us. `detail: { identity, name }`.
 * @event urbania-participant-left - Someone left. `detail: { identity, name }`.
 * @event urbania-room-created - The pre-join view created a room through the service. `detail: { room }` (the service's Room).
 * @event urbania-error - Something failed; also shown in the element. `detail: { code, message }` (message localized).
 *
 * @csspart error - The visible error message.
 * @csspart left - The "you left" view with the rejoin button.
 * @csspart rejoin-button - Rejoin after leaving or being disconnected.
 * @csspart announcer - The polite aria-live region announcing joins and leaves.
 * @csspart prejoin - Pre-join form. Re-exported from the views, like every view part below.
 * @csspart room-name-input - Pre-join room name input.
 * @csspart call-type-select - Pre-join call type select (video | audio | webinar).
 * @csspart contact - Pre-join contact label (`data-id`).
 * @csspart speaker - Pre-join webinar "intervenant" tick (`data-id`).
 * @csspart display-name-input - Pre-join display name input.
 * @csspart preview - Pre-join camera preview box.
 * @csspart mic-level - Pre-join microphone level meter.
 * @csspart media-error - Pre-join device problem message.
 * @csspart start-button - "Démarrer l'appel".
 * @csspart invite - Invite view container.
 * @csspart invite-info - Invite room information list.
 * @csspart join-button - "Rejoindre maintenant".
 * @csspart room - Room view container.
 * @csspart grid - Tile grid.
 * @csspart tile - One tile per participant (`data-identity`, `data-local`, `data-speaking`).
 * @csspart avatar - Initials shown when the camera is off.
 * @csspart tile-name - Name bar of a tile.
 * @csspart muted-indicator - Muted microphone icon.
 * @csspart speaking-indicator - Speaking icon.
 * @csspart controls - Call controls bar.
 * @csspart mic-toggle - Microphone toggle.
 * @csspart camera-toggle - Camera toggle (video calls, publishers only).
 * @csspart leave-button - Leave button.
 * @csspart participant-list - List of connected participants.
 * @csspart connection-status - Connection state badge.
 *
 * @cssprop --urbania-background - Background (light `#ffffff`, dark `#111827`).
 * @cssprop --urbania-surface - Secondary surfaces, plain buttons.
 * @cssprop --urbania-text - Text colour.
 * @cssprop --urbania-text-muted - Secondary text colour.
 * @cssprop --urbania-border - Borders of inputs and buttons.
 * @cssprop --urbania-accent - Primary buttons and checkboxes.
 * @cssprop --urbania-accent-text - Text on primary buttons.
 * @cssprop --urbania-danger - Leave button and error border.
 * @cssprop --urbania-danger-text - Error text.
 * @cssprop --urbania-danger-surface - Error background.
 * @cssprop --urbania-focus-ring - Keyboard focus outline.
 * @cssprop --urbania-tile-background - Video tile background.
 * @cssprop --urbania-avatar-background - Initials circle.
 * @cssprop --urbania-speaking - Outline of a speaking participant's tile.
 * @cssprop --urbania-toggle-off - Background of a toggle that is off.
 * @cssprop --urbania-radius - Corner radius.
 * @cssprop --urbania-font-family - Font.
 * @cssprop --urbania-min-height - Minimum height of the room view (default 420px).
 *
 * @slot - Nothing is slotted; the element renders everything itself.
 */
export class UrbaniaMeeting extends LitElement {
  static override styles = [sharedStyles, styles];

  /** Base URL of the Urbania token service, e.g. `http://127.0.0.1:8000`. */
  @property({ attribute: 'service-url' }) serviceUrl = '';
  /** Room name: prefilled in pre-join, required for `invite` and `room`. */
  @property() room = '';
  /** Which view to show: `pre-join` (create a room), `invite` (room info then join), `room` (join directly). */
  @property({ reflect: true }) view: MeetingView = 'pre-join';
  /** Default call type offered by the pre-join view. */
  @property({ attribute: 'call-type' }) callType: CallType = 'video';
  /** `fr` | `en`; empty means `<html lang>`, then French. */
  @property() override lang = '';
  /** `light` | `dark` | empty (follow prefers-color-scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;
  /** The Urbania JWT sent as `Authorization: Bearer`. */
  @property({ attribute: false }) authToken: string | undefined;
  /** Async callback returning a fresh Urbania JWT; called before every service request (wins over `authToken`). */
  @property({ attribute: false }) getAuthToken: (() => string | Promise<string>) | undefined;
  /** Contacts for the participant picker: `[{ id, name }]`. */
  @property({ attribute: false }) contacts: Contact[] = [];

  @state() private _connection: ConnectionStateName = 'idle';
  @state() private _error: ShownError | undefined;
  @state() private _busy = false;
  @state() private _left = false;
  @state() private _roomInfo: RoomInfo | undefined;
  @state() private _inviteLoading = false;
  @state() private _roomViewReady = false;
  @state() private _announcement = '';
  @state() private _htmlLang = '';

  private readonly session = new CallSession();
  private _choices: Partial<UserChoices> | undefined;
  private _joining: Promise<void> | undefined;
  private _autoJoined = false;
  private _inviteLoadedFor = '';
  private _inCall = false;
  private _attempt = 0;
  private _htmlObserver: MutationObserver | undefined;
  private _unsubs: (() => void)[] = [];

  /** Current connection state (also reflected as the `connection-state` attribute). */
  get connectionState(): ConnectionStateName {
    return this._connection;
  }

  /** The livekit-client `Room` while in a call, undefined otherwise. An escape hatch: prefer the element's API. */
  get livekitRoom(): Room | undefined {
    return this.session.room;
  }

  private get locale(): Locale {
    return resolveLocale(this.lang || this._htmlLang);
  }

  private get client(): ServiceClient {
    return new ServiceClient({ baseUrl: this.serviceUrl, authToken: this.authToken, getAuthToken: this.getAuthToken });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Invite and room pages lead straight into a call: start fetching the call engine before the first render.
    if ((this.view === 'invite' || this.view === 'room') && this.room) this.warm();
    this._htmlLang = document.documentElement.lang;
    try {
      this._htmlObserver = new MutationObserver(() => { this._htmlLang = document.documentElement.lang; });
      this._htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    } catch { /* ignore */ }
    this._unsubs.push(
      this.session.subscribe((s) => {
        if (s.connection !== 'idle' || !this._joining) this._connection = s.connection;
      }),
      this.session.onEvent((e) => {
        try {
          switch (e.type) {
            case 'participant-joined':
              this.announce('announce.joined', e.name);
              emit(this, 'urbania-participant-joined', { identity: e.identity, name: e.name });
              break;
            case 'participant-left':
              this.announce('announce.left', e.name);
              emit(this, 'urbania-participant-left', { identity: e.identity, name: e.name });
              break;
            case 'disconnected':
              this._inCall = false;
              emit(this, 'urbania-left', { room: this.room, reason: e.reason });
              break;
            case 'media-error':
              this.showError({ code: e.code, device: e.kind });
              break;
          }
        } catch (err) {
          console.error('[urbania-meeting]', err);
        }
      }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._htmlObserver?.disconnect();
    this._unsubs.forEach((u) => u());
    this._unsubs = [];
    // Removing the element ends the call and releases camera and microphone.
    const wasInCall = this._inCall || Boolean(this.session.room);
    this._attempt++;
    this._inCall = false;
    this._autoJoined = false;
    void this.session.disconnect().catch(() => {});
    if (wasInCall) {
      if (this.room) this.client.leave(this.room).catch(() => {});
      this._left = true;
      emit(this, 'urbania-left', { room: this.room, reason: 'element_removed' });
    }
  }

  /** Join `room` (uses the pre-join choices when coming from pre-join, remembered choices otherwise). */
  join(): Promise<void> {
    this._joining ??= this._join().finally(() => { this._joining = undefined; });
    return this._joining;
  }

  /** Leave the call; shows the "left" view with a rejoin button. */
  async leave(): Promise<void> {
    this._attempt++;
    const wasInCall = this._inCall || Boolean(this.session.room);
    this._inCall = false;
    await this.session.disconnect().catch(() => {});
    this._connection = 'disconnected';
    this._left = true;
    if (wasInCall) {
      if (this.room) this.client.leave(this.room).catch(() => {});
      emit(this, 'urbania-left', { room: this.room, reason: 'client_initiated' });
    }
  }

  private async _join(): Promise<void> {
    const attempt = ++this._attempt;
    this._error = undefined;
    if (!this.room) {
      this.showError({ code: 'room_not_found' });
      return;
    }
    this.view = 'room';
    this._left = false;
    this._connection = 'connecting';
    const warm = preloadLiveKit().catch(() => undefined);
    void this.loadRoomView();
    try {
      const choices = { ...loadUserChoices(), ...this._choices };
      const res = await this.client.join(this.room, { username: choices.displayName || undefined });
      this._roomInfo = res.room;
      const callType = res.room.call_type;
      await warm;
      await this.session.connect({
        url: res.url,
        token: res.token,
        roomName: res.room_name || this.room,
        callType,
        canPublish: res.permissions.can_publish,
        audio: choices.audioEnabled !== false,
        video: callType === 'video' && choices.videoEnabled !== false,
        audioDeviceId: choices.audioDeviceId || undefined,
        videoDeviceId: choices.videoDeviceId || undefined,
        audioOutputId: choices.audioOutputId || undefined,
      });
      if (!this.isConnected || this.session.state.connection !== 'connected') return;
      this._inCall = true;
      emit(this, 'urbania-joined', {
        room: this.room,
        identity: this.session.state.localIdentity ?? '',
        canPublish: res.permissions.can_publish,
      });
    } catch (err) {
      // leave() or removal during the join aborted it: not an error.
      if (attempt !== this._attempt || !this.isConnected) return;
      this._connection = 'disconnected';
      this._left = true;
      this.showError(err instanceof ServiceError ? { code: err.code, detail: err.message } : { code: 'connection_failed', detail: String((err as Error)?.message ?? err) });
    }
  }

  /** Start fetching livekit-client and the room view (pointer on a join button, invite page shown…). */
  private warm = (): void => {
    void preloadLiveKit().catch(() => {});
    void this.loadRoomView();
  };

  private async loadRoomView(): Promise<void> {
    if (this._roomViewReady) return;
    try {
      await import('../views/room/room.js');
      this._roomViewReady = true;
    } catch (err) {
      this.showError({ code: 'connection_failed', detail: String(err) });
    }
  }

  private message(e: ShownError): string {
    const t = translator(this.locale);
    const key: MessageKey = errorKey(e.code);
    return t(key, {
      device: t(e.device === 'camera' ? 'device.camera' : 'device.microphone'),
      message: e.detail ?? e.code,
    });
  }

  private showError(e: ShownError): void {
    this._error = e;
    emit(this, 'urbania-error', { code: e.code, message: this.message(e) });
  }

  private announce(key: 'announce.joined' | 'announce.left', name: string): void {
    this._announcement = translator(this.locale)(key, { name });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && changed.get('view') !== undefined && !this._joining) {
      // The page switched views: the old flow is over.
      this._left = false;
      this._autoJoined = false;
      this._error = undefined;
    }
    if (changed.has('room')) this._inviteLoadedFor = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.getAttribute('connection-state') !== this._connection) this.setAttribute('connection-state', this._connection);
    const hasAuth = Boolean(this.authToken || this.getAuthToken);
    if (this.view === 'room' && !this._autoJoined && !this._left && this.room && this.serviceUrl && hasAuth && !this._joining && !this._inCall) {
      this._autoJoined = true;
      void this.join();
    }
    if (this.view === 'room' && !this._roomViewReady) void this.loadRoomView();
    if (this.view === 'invite' && this.room && this.serviceUrl && hasAuth && this._inviteLoadedFor !== this.room) {
      this._inviteLoadedFor = this.room;
      void this.loadInvite();
      // The next step on an invite page is joining: fetch the call engine now, in parallel with the room info.
      this.warm();
    }
    void changed;
  }

  private async loadInvite(): Promise<void> {
    const room = this.room;
    this._inviteLoading = true;
    this._roomInfo = undefined;
    try {
      const info = await this.client.getRoom(room);
      if (room === this.room) this._roomInfo = info;
    } catch (err) {
      if (room === this.room) this.showError(err instanceof ServiceError ? { code: err.code, detail: err.message } : { code: 'unknown', detail: String(err) });
    } finally {
      this._inviteLoading = false;
    }
  }

  private async onPreJoinSubmit(e: CustomEvent<PreJoinSubmitDetail>): Promise<void> {
    e.stopPropagation();
    const d = e.detail;
    this._error = undefined;
    if (!ROOM_NAME.test(d.roomName)) {
      this.showError({ code: 'room_name_invalid' });
      return;
    }
    this._choices = {
      displayName: d.displayName, audioEnabled: d.audioEnabled, videoEnabled: d.videoEnabled,
      audioDeviceId: d.audioDeviceId, videoDeviceId: d.videoDeviceId, audioOutputId: d.audioOutputId,
    };
    saveUserChoices(this._choices);
    this._busy = true;
    void preloadLiveKit().catch(() => undefined);
    try {
      const body = {
        room_name: d.roomName,
        participants: d.participants,
        call_type: (d.callType === 'audio' ? 'audio' : 'video') as CallType,
        ...(d.callType === 'webinar' ? { speakers: d.speakers } : {}),
      };
      const info = await this.client.createRoom(body);
      emit(this, 'urbania-room-created', { room: info });
      this.room = info.room_name;
      this.renderRoot.querySelector('urbania-pre-join')?.stopPreview();
      await this.join();
    } catch (err) {
      this.showError(err instanceof ServiceError ? { code: err.code, detail: err.message } : { code: 'unknown', detail: String(err) });
    } finally {
      this._busy = false;
    }
  }

  private onMediaError(e: CustomEvent<{ kind: 'camera' | 'microphone'; code: MediaErrorCode }>): void {
    e.stopPropagation();
    // Shown next to the device inside the pre-join view; reported to the page here.
    emit(this, 'urbania-error', { code: e.detail.code, message: this.message({ code: e.detail.code, device: e.detail.kind }) });
  }

  private renderView() {
    const locale = this.locale;
    const t = translator(locale);
    if (this._left) {
      return html`<section class="left" part="left" lang=${locale} aria-labelledby="left-title">
        <h2 id="left-title">${this._error ? t('state.disconnected') : t('left.title')}</h2>
        <button part="rejoin-button" class="primary" type="button" ?disabled=${!this.room}
          @pointerenter=${() => void preloadLiveKit().catch(() => {})}
          @click=${() => void this.join()}>${t('left.rejoin')}</button>
      </section>`;
    }
    switch (this.view) {
      case 'invite':
        return html`<urbania-invite exportparts=${INVITE_PARTS} .locale=${locale} .roomName=${this.room} .info=${this._roomInfo}
          ?loading=${this._inviteLoading} ?busy=${Boolean(this._joining)}
          @invite-join=${(e: Event) => { e.stopPropagation(); void this.join(); }}
          @join-warmup=${this.warm}></urbania-invite>`;
      case 'room':
        return this._roomViewReady
          ? html`<urbania-room exportparts=${ROOM_PARTS} .locale=${locale} .roomName=${this.room} .session=${this.session}
              @room-leave=${(e: Event) => { e.stopPropagation(); void this.leave(); }}
              @room-rejoin=${(e: Event) => { e.stopPropagation(); void this.join(); }}></urbania-room>`
          : html`<p class="loading" role="status" lang=${locale}>${t('state.connecting')}</p>`;
      default: {
        const ct: PreJoinCallType = this.callType === 'audio' ? 'audio' : 'video';
        return html`<urbania-pre-join exportparts=${PREJOIN_PARTS} .locale=${locale} .contacts=${this.contacts ?? []} .roomName=${this.room}
          .callType=${ct} ?busy=${this._busy}
          @prejoin-submit=${this.onPreJoinSubmit} @prejoin-media-error=${this.onMediaError}
          @join-warmup=${this.warm}></urbania-pre-join>`;
      }
    }
  }

  protected override render() {
    const locale = this.locale;
    const t = translator(locale);
    return html`
      ${this._error
        ? html`<div class="error" part="error" role="alert" lang=${locale} data-code=${this._error.code}>
            <p>${this.message(this._error)}</p>
            <button type="button" aria-label=${t('error.dismiss')} @click=${() => { this._error = undefined; }}>×</button>
          </div>`
        : nothing}
      ${this.renderView()}
      <div class="sr-only" part="announcer" aria-live="polite" lang=${locale}>${this._announcement}</div>
    `;
  }
}

