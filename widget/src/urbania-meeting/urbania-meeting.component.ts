import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared.styles.js';
import styles from './urbania-meeting.styles.js';
import { emit } from '../events.js';
import { resolveLocale, translator, type Locale } from '../i18n/index.js';
import type { CallType } from '../core/service-client.js';
import type { HostControls } from '../core/host-controls.js';
import { UrbaniaMeetingHostApi } from './urbania-meeting.host-api.js';
import type { ConnectionStateName } from '../core/call-session.js';
import { MeetingFlow, connectionStateOf, type FlowEvent, type FlowState } from '../core/meeting-flow.js';
import { MeetingError, flowError, formatFlowError, mediaFlowError, toFlowError, type FlowError } from '../core/flow-error.js';
import type { MediaErrorCode } from '../core/media-errors.js';
import type { StageLayoutName } from '../core/speaker-focus.js';
import { ChatError } from '../core/chat-error.js';
import type { PipController } from '../controllers/pip-controller.js';
import { LobbyController } from '../controllers/lobby-controller.js';
import type { DataSource } from '../core/lobby.js';
import { isRoomHost } from '../core/room-roles.js';
import { exportParts } from './urbania-meeting.parts.js';
import { PREJOIN_PARTS } from '../views/pre-join/pre-join.parts.js';
import { INVITE_PARTS } from '../views/invite/invite.parts.js';
import { ROOM_PARTS } from '../views/room/room.parts.js';
import '../views/pre-join/pre-join.js';
import '../views/invite/invite.js';
import type { Contact, PreJoinSubmitDetail, PreJoinCallType } from '../views/pre-join/pre-join.component.js';
import type { Room } from 'livekit-client';

export type MeetingView = 'pre-join' | 'room' | 'invite';
/** The room view as the host uses it (the class is in a lazy chunk). */
type UrbaniaRoomEl = HTMLElement & { pipVideo(): HTMLVideoElement | undefined };

// Each view's parts, re-exported on the host so pages can style them with urbania-meeting::part(…).
const PREJOIN_EXPORTS = exportParts(PREJOIN_PARTS);
const INVITE_EXPORTS = exportParts(INVITE_PARTS);
const ROOM_EXPORTS = exportParts(ROOM_PARTS);

/**
 * `<urbania-meeting>`: a whole video call in one tag — pre-join, invite and room views on the Urbania token service
 * and LiveKit. Renders in the page's DOM (open shadow root), never touches global CSS or globals.
 *
 * @summary Embeddable Urbania video call.
 *
 * @event urbania-joined - Connected to the call. `detail: { room, identity, canPublish }`.
 * @event urbania-left - Left the call (button, `leave()`, removal, or disconnected by the server). `detail: { room, reason }`; reason is `client_initiated`, `element_removed`, `participant_removed` (a host removed us), `room_deleted` (a host ended the call for everyone: `endRoom()` or the end button), `server_shutdown`, `duplicate_identity`, `connection_lost` (reconnection gave up), `join_failure` or another LiveKit `DisconnectReason` in snake case.
 * @event urbania-participant-joined - Someone joined after us. `detail: { identity, name }`.
 * @event urbania-participant-left - Someone left. `detail: { identity, name }`.
 * @event urbania-room-created - The pre-join view created a room through the service. `detail: { room }` (the service's Room).
 * @event urbania-error - Something failed; also shown in the element. `detail: { code, message }` (message localized).
 * @event urbania-chat-message - A chat message of the call (LiveKit text stream on `lk.chat`), received or sent by this page (not the earlier messages of the history shown on joining). `detail: { from: { identity, name }, text, timestamp }`; `text` is plain text (never HTML).
 * @event urbania-screen-share-started - Someone (this page included) started sharing a screen. `detail: { identity }`.
 * @event urbania-hand-raised - A hand went up (this page's or someone else's), or was already up when we joined or they joined. `detail: { identity }`. The hand is the participant attribute `handRaisedAt` (ISO 8601 time), readable by any livekit-client page.
 * @event urbania-hand-lowered - A hand went down: lowered by its owner, by the host (`lowerHand(identity)` or the service), or its owner left. `detail: { identity }`.
 * @event urbania-screen-share-stopped - A screen share ended (stop button, `stopScreenShare()`, the browser's own "stop sharing", the sharer leaving). `detail: { identity }`.
 * @event urbania-device-changed - The microphone, camera or speaker in use changed: `setDevice()`, the device menus, or a fallback to the default after the device in use was unplugged. `detail: { kind, deviceId }`, kind `audioinput` | `videoinput` | `audiooutput`.
 * @event urbania-connection-quality - The SFU rated a participant's connection (this page's included) anew. `detail: { identity, quality }`, quality `excellent` | `good` | `poor` | `lost` | `unknown`.
 *
 * @csspart error - The visible error message (`role=alert`, `data-code`).
 * @csspart left - The "you left" view with the rejoin button (none after a refusal from the waiting room or a room ended).
 * @csspart rejoin-button - Rejoin after leaving or being disconnected (the "left" view's and the room view's).
 * @csspart announcer - The polite aria-live region announcing joins and leaves.
 * @csspart waiting - A guest's waiting-room message (`role=status`) until a host admits them.
 * @csspart lobby - The host's waiting room: who knocks, with admit / refuse (rooms created with `waiting_room`).
 * @csspart lobby-knock - One person waiting (`data-identity`), with their name and when they knocked.
 * @csspart admit-button - Lets that person in.
 * @csspart refuse-button - Refuses that person.
 * @csspart pip-placeholder - Shown in the page while the call is in the picture-in-picture window.
 * @csspart pip-return - The placeholder's button that brings the call back into the page.
 * @csspart prejoin - Pre-join form. Re-exported from the views, like every part below.
 * @csspart room-name-input - Pre-join room name input.
 * @csspart call-type-select - Pre-join call type select (video | audio | webinar).
 * @csspart contact - Pre-join contact label (`data-id`).
 * @csspart speaker - Pre-join webinar "intervenant" tick (`data-id`).
 * @csspart audience-chat-toggle - Pre-join webinar "the audience may write in the chat" checkbox.
 * @csspart display-name-input - Pre-join display name input.
 * @csspart preview - Pre-join camera preview box.
 * @csspart preview-video - Pre-join camera preview `<video>`.
 * @csspart preview-camera-toggle - Pre-join "camera on" checkbox.
 * @csspart preview-mic-toggle - Pre-join "microphone on" checkbox.
 * @csspart mic-level - Pre-join microphone level meter.
 * @csspart media-error - Pre-join device problem message.
 * @csspart videoinput-select - Pre-join camera choice.
 * @csspart audioinput-select - Pre-join microphone choice.
 * @csspart audiooutput-select - Pre-join speaker choice (where the browser can choose an output).
 * @csspart start-button - "Démarrer l'appel".
 * @csspart invite - Invite view container.
 * @csspart invite-info - Invite room information list.
 * @csspart join-button - "Rejoindre maintenant".
 * @csspart room - Room view container (`data-connection`).
 * @csspart connection-status - Connection state badge.
 * @csspart audience-badge - "Listener" badge of a webinar audience.
 * @csspart stage - The dark call stage (`data-mode` `grid` | `screen` | `speaker`, `data-strip` `side` | `bottom` | `none` beside a focus).
 * @csspart grid - Tile grid.
 * @csspart tile - One tile per participant (`data-identity`, `data-local`, `data-speaking`, `data-pinned`).
 * @csspart spotlight - The large tile of the speaker layout (`data-identity`, `data-reason` `speaker` | `pinned`).
 * @csspart pin-button - Pins a participant on the stage / unpins (`aria-pressed`), in the tile's corner.
 * @csspart avatar - Initials shown when the camera is off.
 * @csspart tile-name - Name bar of a tile.
 * @csspart muted-indicator - Muted microphone icon.
 * @csspart speaking-indicator - Speaking icon.
 * @csspart pager - Page switcher when the tiles do not fit.
 * @csspart prev-page - Previous page button.
 * @csspart next-page - Next page button.
 * @csspart screen-share - The shared screen on the stage (`data-identity` of the sharer, `data-local`).
 * @csspart strip - The participants' strip beside or under the focus (shared screen, spotlight).
 * @csspart screen-share-banner - "You are presenting" bar shown to the sharer.
 * @csspart stop-screen-share - The banner's "Stop presenting" button.
 * @csspart controls - Call controls bar (icon buttons with tooltips).
 * @csspart mic-toggle - Microphone toggle (`aria-pressed`; Ctrl/⌘+D while focus is in the call).
 * @csspart camera-toggle - Camera toggle (video calls, publishers only; `aria-pressed`; Ctrl/⌘+E).
 * @csspart screen-share-toggle - Present the screen / stop presenting (video calls, publishers only; `aria-pressed`).
 * @csspart people-toggle - Shows or hides the participants panel (`aria-expanded`).
 * @csspart layout-toggle - Speaker view on/off (`aria-pressed`; off is the grid).
 * @csspart pip-toggle - Opens the call in a floating window / brings it back (`aria-pressed`; where the browser has picture-in-picture).
 * @csspart audience-notice - Webinar audience notice (no publishing).
 * @csspart start-audio - "Enable sound" button when the browser blocked autoplay.
 * @csspart leave-button - Leave button.
 * @csspart more-button - "More options" of a bar narrower than 600 px (`aria-haspopup="menu"`, `aria-expanded`): the controls that did not stay in the one-row bar.
 * @csspart more-menu - The "More options" menu (`role=menu`); its items keep their bar button's part and state.
 * @csspart hand-toggle - Raise / lower our hand (everyone, a webinar's audience included; `aria-pressed`; Ctrl+Alt+H, ⌘+Ctrl+H on a Mac).
 * @csspart tile-hand - Raised-hand badge in a tile's corner, with the hand's place in the queue (`data-position`).
 * @csspart participants-panel - The participants panel (raised hands first, then everyone); the parts below are the panel's, re-exported.
 * @csspart participants-close - Close button of the participants panel (Escape closes it too).
 * @csspart raised-hands - The ordered list of raised hands (only while a hand is up).
 * @csspart raised-hand - One raised hand (`data-identity`, `data-position`: 1 for the first hand up).
 * @csspart lower-hand-button - Lowers that hand (our own; anyone's for the host, through the service).
 * @csspart participant-list - Everyone in the call.
 * @csspart participant - One participant of the list (`data-identity`, `data-hand="raised"` when the hand is up).
 * @csspart hand-indicator - The raised-hand mark next to a participant in the list.
 * @csspart host-actions - The host's actions on one participant, in the participants panel (host only).
 * @csspart host-mute-microphone - Host: mutes a participant's microphone (participants panel and their tile).
 * @csspart host-mute-camera - Host: turns a participant's camera off.
 * @csspart host-mute-screen-share - Host: stops a participant's screen share.
 * @csspart host-promote - Host, webinars: invites an audience member to speak (live, no rejoin).
 * @csspart host-demote - Host, webinars: moves a speaker back to the audience.
 * @csspart host-remove - Host: removes a participant (asks for confirmation first).
 * @csspart host-remove-confirm - Host: confirms the removal.
 * @csspart host-remove-cancel - Host: cancels the removal.
 * @csspart host-lock-toggle - Host: locks / unlocks the room (`aria-pressed`).
 * @csspart host-error - Host: why the last host action failed.
 * @csspart participant-role - "hôte", "co-hôte" or "invité" (came by an invite link or the open link) next to a name in the participants panel (`data-role` `host` | `co-host` | `guest`; the tooltip says what it means).
 * @csspart host-make-co-host - The room's creator: makes a participant co-host (participants panel).
 * @csspart host-remove-co-host - The room's creator: takes co-hosting back.
 * @csspart tile-host-mute - Host: mutes the participant's microphone, in their tile's corner.
 * @csspart invites-toggle - Host: opens and closes the invite-links panel (`aria-expanded`).
 * @csspart invites-panel - Host: the invite-links panel; the parts below are the panel's, re-exported.
 * @csspart invites-close - Close button of the invite-links panel (Escape closes it too).
 * @csspart invites-role - Webinars: who the new link is for (a speaker or the audience).
 * @csspart invites-create - Creates an invite link through the service.
 * @csspart invites-url - The new link's URL (read-only, selected on focus).
 * @csspart invites-copy - Copies the URL (Clipboard API; else the URL is selected for Ctrl+C).
 * @csspart invites-copy-status - "Copied", or how to copy by hand (`data-status` `copied` | `manual`).
 * @csspart invites-list - The links made in this call.
 * @csspart invites-item - One link (`data-id`, `data-role`).
 * @csspart invites-item-copy - Copies that link again (shown in the URL field).
 * @csspart invites-revoke - Revokes that link at once.
 * @csspart invites-error - Why creating or revoking a link failed.
 * @csspart end-call-button - Host: "End for everyone" in the control bar (asks for confirmation first).
 * @csspart end-call-dialog - Host: the confirmation (`role=alertdialog`; Escape cancels).
 * @csspart end-call-confirm - Host: ends the call for everyone.
 * @csspart end-call-cancel - Host: keeps the call going.
 * @csspart end-call-error - Host: why ending failed.
 * @csspart tile-role - "hôte", "co-hôte" or "invité" after the name in a tile's name bar (`data-role` `host` | `co-host` | `guest`).
 * @csspart stage-role-notice - Webinar: the host moved us on or off the stage (`data-change` `promoted` | `demoted`).
 * @csspart stage-role-mic - Webinar: turns the microphone on after being invited to speak.
 * @csspart chat-toggle - Opens and closes the chat panel (`aria-expanded`).
 * @csspart chat-unread-badge - Number of unread messages on the chat toggle.
 * @csspart chat-panel - The chat panel.
 * @csspart chat-close - Close button of the chat panel.
 * @csspart chat-messages - The message list (`role=log`).
 * @csspart chat-message - One message (`data-identity`, `data-local`, `data-earlier` when sent before this page joined).
 * @csspart chat-earlier - Heads the messages sent before this page joined (kept by the service for late joiners).
 * @csspart chat-author - Sender's name.
 * @csspart chat-time - Time the message was sent.
 * @csspart chat-text - The message text.
 * @csspart chat-link - A link in a message (http(s) only, new tab, `rel="noopener noreferrer"`).
 * @csspart chat-form - The message form.
 * @csspart chat-input - The message box (Enter sends, Shift+Enter adds a line, Escape closes the panel).
 * @csspart chat-send - Send button.
 * @csspart chat-error - Why the last message could not be sent.
 * @csspart chat-readonly - Shown instead of the form when this participant may not write (a webinar's audience).
 * @csspart connection-quality - A tile's connection-quality mark (`role=img`, named; `data-quality` `excellent` | `good` | `poor` | `lost`).
 * @csspart stats-toggle - Opens and closes the statistics panel (`aria-expanded`).
 * @csspart device-menu-toggle - The chevron beside the microphone or camera toggle that opens a device menu (`aria-haspopup=menu`, `aria-expanded`).
 * @csspart device-menu - An open device menu (`role=menu`; ↑/↓, Enter, Escape).
 * @csspart device-option - One device in a menu (`role=menuitemradio`, `aria-checked`, `data-kind`, `data-device-id`).
 * @csspart qa-toggle - Opens and closes the webinar's Q&A panel (`aria-expanded`).
 * @csspart qa-panel - The Q&A panel of a webinar (audience questions, most voted first; refreshed every 3 s while open).
 * @csspart qa-close - Close button of the Q&A panel.
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
 * @csspart qa-error - Why the last Q&A action failed.
 * @csspart qa-empty - Shown when there is no question yet.
 * @csspart stats-panel - The statistics panel (polled about every second while open).
 * @csspart stats-close - Close button of the statistics panel (Escape closes it too).
 * @csspart stats-section - "Sent" or "Received" (`data-direction` `send` | `receive`).
 * @csspart stats-track - One track's statistics (`data-identity`, `data-source`, `data-direction`).
 * @csspart stats-figures - A track's figures (`<dd data-figure="bitrate|packet-loss|rtt|resolution|codec">`).
 * @csspart stats-empty - Shown while there is no track to measure.
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
 * @cssprop --urbania-toggle-off - Background of a control-bar toggle that is off (muted microphone, camera off; default `#d93025`).
 * @cssprop --urbania-hand - Raised hands: the pressed hand toggle, the tiles' hand badge, the queue numbers (default `#fbbc04`).
 * @cssprop --urbania-stage-background - The call stage (room view) background, dark in both themes (default `#111318`).
 * @cssprop --urbania-stage-text - Text on the call stage (default `#f8fafc`).
 * @cssprop --urbania-stage-accent - Pressed controls (presenting, panel open) on the stage (default `#8ab4f8`).
 * @cssprop --urbania-control-background - Control-bar buttons and badges on the stage (default `#3c4043`).
 * @cssprop --urbania-control-text - Icons of the control-bar buttons (default `#ffffff`).
 * @cssprop --urbania-radius - Corner radius.
 * @cssprop --urbania-font-family - Font.
 * @cssprop --urbania-min-height - Minimum height of the room view (default 420px).
 *
 * @slot - Nothing is slotted; the element renders everything itself.
 */
export class UrbaniaMeeting extends UrbaniaMeetingHostApi {
  static override styles = [sharedStyles, styles];

  /** Base URL of the Urbania token service, e.g. `http://127.0.0.1:8000`. */
  @property({ attribute: 'service-url' }) serviceUrl = '';
  /** Room name: prefilled in pre-join, required for `invite` and `room`. */
  @property() room = '';
  /**
   * The invite link's secret (`?invite=` of the link a host shared): sent with the room's information and the join,
   * for users who are neither the creator nor invited. Never shown.
   */
  @property() invite = '';
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

  @state() private _flowState: FlowState;
  @state() private _roomViewReady = false;
  @state() private _announcement = '';
  @state() private _htmlLang = '';

  /** The meeting flow (phases, service, call session): everything this element renders comes from it. */
  private flow = new MeetingFlow();
  /** Picture-in-picture of the room view: loaded with the room view (controllers/pip-controller.ts). */
  private pip: PipController | undefined;
  /** The waiting room: knocks for hosts, the waiting message for guests. */
  private lobby: LobbyController = new LobbyController(this, () => this.flow.client, (k) => {
    this._announcement = translator(this.locale)('lobby.announce', { name: k.name });
  }, (identity, decision) => this.flow.host[decision](identity, this.lobby.knocks.find((k) => k.identity === identity)?.name));
  private _htmlObserver: MutationObserver | undefined;
  private _unsubs: (() => void)[] = [];

  constructor() {
    super();
    this._flowState = this.flow.state;
  }

  /** Current connection state (also reflected as the `connection-state` attribute). */
  get connectionState(): ConnectionStateName {
    return connectionStateOf(this._flowState);
  }

  /** The livekit-client `Room` while in a call, undefined otherwise. An escape hatch: prefer the element's API. */
  get livekitRoom(): Room | undefined {
    return this.flow.call?.session.room;
  }

  private get locale(): Locale {
    return resolveLocale(this.lang || this._htmlLang);
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
    this._unsubs.push(this.flow.subscribe(this.onFlowState), this.flow.on(this.onFlowEvent));
    this.configureFlow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._htmlObserver?.disconnect();
    // Removing the element ends the call and releases camera and microphone (fires urbania-left when in a call).
    void this.flow.end('element_removed');
    this._unsubs.forEach((u) => u());
    this._unsubs = [];
  }

  /** Join `room` (uses the pre-join choices when coming from pre-join, remembered choices otherwise). */
  join(): Promise<void> {
    return this.flow.join();
  }

  /**
   * Send a chat message to everyone in the call (a LiveKit text stream on `lk.chat`, which LiveKit Meet shows too).
   * Resolves once sent; rejects with a `ChatError` whose `code` is `not_connected` (not in a call), `not_allowed`
   * (the room does not let this participant write: a webinar's audience), `empty`, `too_long` (over 2000
   * characters) or `send_failed`.
   */
  async sendChatMessage(text: string): Promise<void> {
    const call = this.flow.call;
    // The chat comes with the in-call chunk: before it loaded there is no call to write in.
    if (!call) throw new ChatError('not_connected');
    await call.chat.send(text);
  }

  /** Leave the call; shows the "left" view with a rejoin button. */
  leave(): Promise<void> {
    return this.flow.leave();
  }

  /**
   * Share a screen (video calls; with the tab's audio when the browser offers it). Resolves once published.
   * Rejects with a `MeetingError` (`{ code, message }`, message localized): `not_in_call`, `screen_share_not_allowed`
   * (audio call, webinar audience), `screen_share_denied` (cancelled or refused), `screen_share_unsupported`,
   * `screen_share_failed`.
   */
  startScreenShare(): Promise<void> {
    return this.localized(this.flow.startScreenShare());
  }

  /** Stop sharing the screen (resolves when nothing was shared). Rejects with `not_in_call` outside a call. */
  stopScreenShare(): Promise<void> {
    return this.localized(this.flow.stopScreenShare());
  }

  /**
   * Use another device in the call: `kind` `audioinput` (microphone), `videoinput` (camera) or `audiooutput`
   * (speaker), `deviceId` from `navigator.mediaDevices.enumerateDevices()`. Remembered for the next join. Resolves
   * once switched (and `urbania-device-changed` fired). Rejects with a `MeetingError` (`{ code, message }`):
   * `not_in_call`, `device_kind_invalid`, `device_not_allowed` (a camera in an audio room, which never opens one; a
   * microphone or camera for a webinar's audience; a speaker where the browser cannot choose one),
   * `device_not_found`, `device_switch_failed`.
   */
  setDevice(kind: 'audioinput' | 'videoinput' | 'audiooutput', deviceId: string): Promise<void> {
    return this.localized(this.flow.setDevice(kind, deviceId));
  }

  /**
   * The stage layout: `grid` (everyone alike) or `speaker` (the active speaker large, held a moment so short sounds
   * do not switch it, the others in a strip; a shared screen or a pinned participant takes the large place).
   * Rejects `not_in_call`, `invalid_layout`. Going back to `grid` unpins.
   */
  setLayout(layout: StageLayoutName): Promise<void> {
    return this.localized(new Promise<void>((resolve) => { this.inCall().stage.setLayout(layout, this.inCall().session.state); resolve(); }));
  }

  /** Pin a participant (by identity) large on the stage, `null` to unpin. Rejects `not_in_call`, `unknown_participant`. */
  pin(identity: string | null): Promise<void> {
    return this.localized(new Promise<void>((resolve) => { this.inCall().stage.pin(identity, this.inCall().session.state); resolve(); }));
  }

  /** The loaded in-call machinery (core/in-call.ts); throws `not_in_call` before its chunk loaded. */
  private inCall(): NonNullable<MeetingFlow['call']> {
    const call = this.flow.call;
    if (!call) throw new MeetingError('not_in_call');
    return call;
  }

  /**
   * Show the call in a floating window: Document Picture-in-Picture (the call with its controls; the page shows a
   * placeholder with a way back) where the browser has it, else the focused video in video picture-in-picture.
   * Call it from a user gesture (a click or key handler): browsers refuse without one. Resolves once open (at once
   * if already open). Rejects `not_in_call`, `pip_unsupported` (no picture-in-picture, or no video for video PiP),
   * `pip_gesture_required`, `pip_failed`.
   */
  openPictureInPicture(): Promise<void> {
    const c = this.flow.call?.session.state.connection;
    const pip = this.pip;
    if ((c !== 'connected' && c !== 'reconnecting') || !pip) return this.localized(Promise.reject(new MeetingError('not_in_call')));
    const room = this.renderRoot.querySelector<UrbaniaRoomEl>('urbania-room');
    return this.localized(pip.open(room, translator(this.locale), this.locale).then(() => undefined));
  }

  /**
   * Raise this participant's hand (everyone may, a webinar's audience included): sets the participant attribute
   * `handRaisedAt` to the current ISO 8601 time, which every page in the call sees (`urbania-hand-raised`). A hand
   * already up keeps its place. Rejects with a `MeetingError` (`{ code, message }`, message localized):
   * `not_in_call`, `hand_not_allowed` (the SFU refused), `hand_failed`.
   */
  raiseHand(): Promise<void> {
    return this.localized(this.flow.raiseHand());
  }

  /**
   * Lower this participant's hand; or, with another participant's `identity`, lower theirs through the token service
   * (the host only). Rejects with a `MeetingError`: `not_in_call`, `host_only` (the service answered 403),
   * `hand_not_allowed`, `hand_failed`, or a service code (`network_error`, `unavailable`…).
   */
  lowerHand(identity?: string): Promise<void> {
    return this.localized(this.flow.lowerHand(identity));
  }

  /**
   * The room's creator makes the participant `identity` a co-host, through the token service: they host the call with
   * them (host controls, waiting room) from now on, without rejoining; every page in the call shows the "co-host"
   * mark. Rejects with a `MeetingError` (`{ code, message }`, message localized): `not_in_call`, `creator_only` (we did
   * not create the room: asked nothing; also the service's 403), or a service code (`participant_not_found`,
   * `invalid_request`, `network_error`…).
   */
  makeCoHost(identity: string): Promise<void> {
    return this.localized(this.flow.host.makeCoHost(identity));
  }

  /** The creator takes co-hosting back from `identity` (they lose the host controls at once). Rejects like `makeCoHost()`. */
  removeCoHost(identity: string): Promise<void> {
    return this.localized(this.flow.host.removeCoHost(identity));
  }

  protected hostControls(): HostControls {
    return this.flow.host;
  }

  protected decideKnock(identity: string, decision: 'admit' | 'refuse'): Promise<void> {
    return this.lobby.decide(identity, decision);
  }

  /** The same rejection, with the code kept and the message in the element's language. */
  protected localized<T>(p: Promise<T>): Promise<T> {
    return p.catch((err: unknown) => {
      const e = toFlowError(err);
      throw new MeetingError(e.code, this.message(e), undefined, { cause: err });
    });
  }

  private configureFlow(): void {
    this.flow.configure({
      serviceUrl: this.serviceUrl, authToken: this.authToken, getAuthToken: this.getAuthToken, entry: this.view, room: this.room,
      invite: this.invite || undefined,
    });
  }

  private readonly onFlowState = (s: FlowState): void => {
    this.lobby.update(s, this.flow.call?.session.room as DataSource | undefined);
    this._flowState = s;
    const connection = connectionStateOf(s);
    if (this.getAttribute('connection-state') !== connection) this.setAttribute('connection-state', connection);
    // Joining shows the room view; an invite page's next step is joining: fetch the room view meanwhile.
    if (s.phase === 'joining') this.view = 'room';
    if (s.phase === 'joining' || (s.phase === 'loading-room' && !s.creating)) void this.loadRoomView();
    // The floating window closes with the call.
    if (s.phase !== 'in-call' && s.phase !== 'reconnecting') this.pip?.close();
  };

  private readonly onFlowEvent = (e: FlowEvent): void => {
    switch (e.type) {
      case 'joined':
        emit(this, 'urbania-joined', { room: e.room, identity: e.identity, canPublish: e.canPublish });
        break;
      case 'left':
        emit(this, 'urbania-left', { room: e.room, reason: e.reason });
        break;
      case 'participant-joined':
      case 'participant-left':
        this._announcement = translator(this.locale)(e.type === 'participant-joined' ? 'announce.joined' : 'announce.left', { name: e.name });
        emit(this, e.type === 'participant-joined' ? 'urbania-participant-joined' : 'urbania-participant-left', { identity: e.identity, name: e.name });
        break;
      case 'room-created':
        emit(this, 'urbania-room-created', { room: e.room });
        this.room = e.room.room_name;
        this.renderRoot.querySelector('urbania-pre-join')?.stopPreview();
        break;
      case 'chat-message':
        emit(this, 'urbania-chat-message', { from: { ...e.message.from }, text: e.message.text, timestamp: e.message.timestamp });
        break;
      case 'device-changed': {
        const t = translator(this.locale);
        const label = this.flow.call?.devices.state.lists[e.kind].find((d) => d.deviceId === e.deviceId)?.label || e.deviceId;
        this._announcement = t('announce.deviceChanged', { kind: t(`devices.${e.kind}`), label });
        emit(this, 'urbania-device-changed', { kind: e.kind, deviceId: e.deviceId });
        break;
      }
      case 'connection-quality':
        emit(this, 'urbania-connection-quality', { identity: e.identity, quality: e.quality });
        break;
      case 'error':
        emit(this, 'urbania-error', { code: e.error.code, message: this.message(e.error) });
        break;
      case 'screen-share-started':
      case 'screen-share-stopped': {
        const started = e.type === 'screen-share-started';
        const t = translator(this.locale);
        const session = this.flow.call?.session.state;
        const mine = e.identity === session?.localIdentity;
        const name = session?.participants.find((p) => p.identity === e.identity)?.name ?? e.identity;
        this._announcement = mine
          ? t(started ? 'announce.youScreenStarted' : 'announce.youScreenStopped')
          : t(started ? 'announce.screenStarted' : 'announce.screenStopped', { name });
        emit(this, started ? 'urbania-screen-share-started' : 'urbania-screen-share-stopped', { identity: e.identity });
        break;
      }
      case 'hand-raised':
      case 'hand-lowered': {
        const raised = e.type === 'hand-raised';
        const t = translator(this.locale);
        // A hand that leaves with its owner is announced by the leaving itself.
        if (!e.left) {
          this._announcement = e.isLocal
            ? t(raised ? 'announce.youHandRaised' : 'announce.youHandLowered')
            : t(raised ? 'announce.handRaised' : 'announce.handLowered', { name: e.name });
        }
        emit(this, raised ? 'urbania-hand-raised' : 'urbania-hand-lowered', { identity: e.identity });
        break;
      }
    }
  };

  /** Start fetching livekit-client and the room view (pointer on a join button, invite page shown…). */
  private warm = (): void => {
    this.flow.warm();
    void this.loadRoomView();
  };

  /** The room view, its picture-in-picture and the in-call machinery: lazy chunks, fetched together. */
  private async loadRoomView(): Promise<void> {
    if (this._roomViewReady) return;
    try {
      // Picture-in-picture comes with the room view's chunk.
      const [room] = await Promise.all([import('../views/room/room.js'), this.flow.loadCall()]);
      this.pip ??= new room.PipController(this);
      this._roomViewReady = true;
    } catch (err) {
      this.flow.report(flowError('connection_failed', String(err)));
    }
  }

  /** We host the call we are in: its creator or a co-host (room-roles.ts, from the latest Room view). */
  private get isHost(): boolean {
    const s = this._flowState;
    return (s.phase === 'in-call' || s.phase === 'reconnecting') && isRoomHost(s.info, s.identity);
  }

  /** The call's livekit Room, for the room view's statistics panel (which loads with the room chunk). */
  private readonly callRoom = (): Room | undefined => this.flow.call?.session.room;

  private message(e: FlowError): string {
    return formatFlowError(e, translator(this.locale));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('room') || changed.has('invite') || changed.has('serviceUrl') || changed.has('authToken') || changed.has('getAuthToken')) {
      this.configureFlow();
    }
    if (this.view === 'room' && !this._roomViewReady) void this.loadRoomView();
  }

  private onPreJoinSubmit(e: CustomEvent<PreJoinSubmitDetail>): void {
    e.stopPropagation();
    const d = e.detail;
    void this.flow.createAndJoin({
      room_name: d.roomName,
      participants: d.participants,
      call_type: d.callType === 'audio' ? 'audio' : 'video',
      ...(d.callType === 'webinar' ? { speakers: d.speakers, audience_chat: d.audienceChat } : {}),
    }, {
      displayName: d.displayName, audioEnabled: d.audioEnabled, videoEnabled: d.videoEnabled,
      audioDeviceId: d.audioDeviceId, videoDeviceId: d.videoDeviceId, audioOutputId: d.audioOutputId,
    });
  }

  private onMediaError(e: CustomEvent<{ kind: 'camera' | 'microphone'; code: MediaErrorCode }>): void {
    e.stopPropagation();
    // Shown next to the device inside the pre-join view; reported to the page here.
    this.flow.report(mediaFlowError(e.detail.kind, e.detail.code), { show: false });
  }

  private renderView() {
    const locale = this.locale;
    const t = translator(locale);
    const s = this._flowState;
    // The "left" view after leave() or a failed join; a call ended by the server stays in the room view with its reason.
    if ((s.phase === 'left' && !s.byServer) || (s.phase === 'failed' && s.during === 'joining')) {
      // Refused from the waiting room, or the room ended: the notice says why, and rejoining cannot work.
      const final = s.phase === 'failed' && (s.error.code === 'knock_refused' || s.error.code === 'room_ended') ? s.error.code : '';
      return html`<section class="left" part="left" lang=${locale} aria-labelledby="left-title">
        <h2 id="left-title">${final ? t(final === 'room_ended' ? 'left.ended' : 'left.refused') : s.phase === 'failed' ? t('state.disconnected') : t('left.title')}</h2>
        ${final ? nothing : s.phase === 'failed' && s.error.code === 'already_in_call'
          ? html`<button part="rejoin-button" class="primary" type="button" data-action="continue-here"
              @pointerenter=${() => this.flow.warm()}
              @click=${() => void this.flow.join({ takeOver: true })}>${t('left.continueHere')}</button>`
          : html`<button part="rejoin-button" class="primary" type="button" ?disabled=${!this.room}
              @pointerenter=${() => this.flow.warm()}
              @click=${() => void this.join()}>${t('left.rejoin')}</button>`}
      </section>`;
    }
    if (s.phase === 'joining' && s.waiting) return this.lobby.renderWaiting(t, locale);
    switch (this.view) {
      case 'invite':
        return html`<urbania-invite exportparts=${INVITE_EXPORTS} .locale=${locale} .roomName=${this.room}
          .info=${s.phase === 'ready' ? s.info : undefined}
          ?loading=${s.phase === 'loading-room'} ?busy=${s.phase === 'joining'}
          @invite-join=${(e: Event) => { e.stopPropagation(); void this.join(); }}
          @join-warmup=${this.warm}></urbania-invite>`;
      case 'room': {
        const call = this.flow.call;
        const pip = this.pip;
        return this._roomViewReady && call && pip
          ? html`<urbania-room exportparts=${ROOM_EXPORTS} .locale=${locale} .roomName=${this.room} .session=${call.session} .chat=${call.chat} .qa=${this.flow.phase.phase === 'in-call' || this.flow.phase.phase === 'reconnecting' ? (this.flow.phase.info.webinar ? this.flow.qa : undefined) : undefined} .devices=${call.devices} .callRoom=${this.callRoom} .hostControls=${this.flow.host}
              .stage=${call.stage} .pip=${{ available: pip.available, open: Boolean(pip.mode) }}
              @room-pip=${(e: CustomEvent<boolean>) => { e.stopPropagation(); if (e.detail) void this.openPictureInPicture().catch((err: unknown) => this.flow.report(toFlowError(err))); else pip.close(); }}
              @room-device=${(e: CustomEvent<{ kind: 'audioinput' | 'videoinput' | 'audiooutput'; deviceId: string }>) => { e.stopPropagation(); void this.setDevice(e.detail.kind, e.detail.deviceId).catch(() => {}); }}
              @room-leave=${(e: Event) => { e.stopPropagation(); void this.leave(); }}
              @room-rejoin=${(e: Event) => { e.stopPropagation(); void this.join(); }}
              ?host=${this.isHost}
              @room-hand=${(e: CustomEvent<boolean>) => { e.stopPropagation(); void (e.detail ? this.raiseHand() : this.lowerHand()).catch(() => {}); }}
              @room-lower-hand=${(e: CustomEvent<string>) => { e.stopPropagation(); void this.lowerHand(e.detail).catch(() => {}); }}
              @room-screen-share=${(e: CustomEvent<boolean>) => { e.stopPropagation(); void (e.detail ? this.startScreenShare() : this.stopScreenShare()).catch(() => {}); }}></urbania-room>`
          : html`<p class="loading" role="status" lang=${locale}>${t('state.connecting')}</p>`;
      }
      default: {
        const ct: PreJoinCallType = this.callType === 'audio' ? 'audio' : 'video';
        return html`<urbania-pre-join exportparts=${PREJOIN_EXPORTS} .locale=${locale} .contacts=${this.contacts ?? []} .roomName=${this.room}
          .callType=${ct} ?busy=${s.phase === 'loading-room' || s.phase === 'joining'}
          @prejoin-submit=${this.onPreJoinSubmit} @prejoin-media-error=${this.onMediaError}
          @join-warmup=${this.warm}></urbania-pre-join>`;
      }
    }
  }

  protected override render() {
    const locale = this.locale;
    const t = translator(locale);
    const notice = this._flowState.notice;
    return html`
      ${notice
        ? html`<div class="error" part="error" role="alert" lang=${locale} data-code=${notice.code}>
            <p>${this.message(notice)}</p>
            <button type="button" aria-label=${t('error.dismiss')} @click=${() => this.flow.dismissNotice()}>×</button>
          </div>`
        : nothing}
      ${this.lobby.renderKnocks(t, locale)}
      ${this.renderView()}
      <div class="sr-only" part="announcer" aria-live="polite" lang=${locale}>${this._announcement}</div>
    `;
  }
}
