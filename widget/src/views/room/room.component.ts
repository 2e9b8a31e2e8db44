import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import styles from './room.styles.js';
import { translator, type Locale } from '../../i18n/room.js';
import { CallStateController } from '../../controllers/call-state-controller.js';
import { ResizeController } from '../../controllers/resize-controller.js';
import type { StageControl, StageSettings, StageFocus } from '../../core/speaker-focus.js';
import type { CallSessionLike, CallState, ParticipantView } from '../../core/call-session.js';
import { portableRenderRoot } from '../../styles/adopt-styles.js';
import { icons } from './icons.js';
import { renderTile } from './tile.js';
import { renderControls } from './controls.js';
import { renderStage } from './stage-view.js';
import { MediaAttacher } from './media-attach.js';
import { HostControlsController, type HostControlsLike } from '../../controllers/host-controls-controller.js';
import { hostAnnouncement, renderTileHostAction } from './host-actions.js';
import { RoleNotice, markLabel, renderRoleMark, roleMarkStyles } from './role-marks.js';
import { StageRoleWatcher, renderStageRole } from './stage-role.js';
import type { ChatMessage, ChatState } from '../../core/chat.js';
import { PARTICIPANTS_PANEL_PARTS } from '../participants-panel/participants-panel.parts.js';
import '../participants-panel/participants-panel.js';
import { orderedHands } from '../../core/hands.js';
import { handBadge, isHandShortcut } from './hands.js';
import type { DevicesLike } from '../device-menu/device-menu.component.js';
import type { StatsLike } from '../stats-panel/stats-panel.component.js';
import { CallStats, roomTracks } from '../../core/call-stats.js';
import type { Room } from 'livekit-client';
import { DEVICE_MENU_EXPORTS } from './room.parts.js';
import '../device-menu/device-menu.js';
import { EndCallDialog, endCallStyles } from './end-call.js';
import { MoreMenu } from './more-menu.js';
import { SidePanels, type RoomChat, type RoomQa } from './side-panels.js';
import { StagePlanner, pinButton } from './room-stage.js';
import { chatAnnouncement, connectionStatusText, renderAnnouncements, stageAnnouncement } from './announcements.js';

export type { RoomChat } from './side-panels.js';
const PEOPLE_EXPORTS = PARTICIPANTS_PANEL_PARTS.join(', ');

declare global {
  interface HTMLElementEventMap {
    'room-leave': CustomEvent<void>;
    'room-rejoin': CustomEvent<void>;
    /** Start (`true`) or stop (`false`) sharing the screen: the host runs it through the meeting flow. */
    'room-screen-share': CustomEvent<boolean>;
    /** Open (`true`) or close (`false`) picture-in-picture: the host moves the call (it owns the window). */
    'room-pip': CustomEvent<boolean>;
    /** Raise (`true`) or lower (`false`) our hand. */
    'room-hand': CustomEvent<boolean>;
    /** The host lowers someone else's hand (`detail`: identity). */
    'room-lower-hand': CustomEvent<string>;
    /** A device picked in a device menu: the host runs it through setDevice(). */
    'room-device': CustomEvent<{ kind: 'audioinput' | 'videoinput' | 'audiooutput'; deviceId: string }>;
  }
}

export { initials } from './tile.js';

/**
 * Internal room view: a dark call stage laid out from the element's own size (a tile grid, or a shared screen with
 * the participants in a strip beside or under it), a control bar of icon buttons (microphone, camera, screen share,
 * raise hand, participants, leave) with tooltips and Ctrl/⌘+D, Ctrl/⌘+E, Ctrl+Alt+H shortcuts while focus is inside the
 * call, the participants panel (raised hands in order, then who is connected). Renders the call session's state; never imports livekit-client. Loaded lazily by <urbania-meeting>.
 *
 * @csspart room - The view container (`data-connection`).
 * @csspart connection-status - Connection state badge.
 * @csspart audience-badge - "Listener" badge of a webinar audience.
 * @csspart rejoin-button - Rejoin after being disconnected.
 * @csspart stage - The dark call stage (`data-mode` `grid` | `screen` | `speaker`, `data-strip` `side` | `bottom` | `none` beside a focus).
 * @csspart grid - Tile grid.
 * @csspart tile - One per participant (`data-identity`, `data-local`, `data-speaking`, `data-pinned`).
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
 * @csspart screen-share-banner - "You are presenting" bar shown to the sharer, with its stop button.
 * @csspart stop-screen-share - The banner's "Stop presenting" button.
 * @csspart controls - Call controls bar.
 * @csspart mic-toggle - Microphone toggle (`aria-pressed`; Ctrl/⌘+D).
 * @csspart camera-toggle - Camera toggle (video calls, publishers only; `aria-pressed`; Ctrl/⌘+E).
 * @csspart screen-share-toggle - Present the screen / stop presenting (video calls, publishers only; `aria-pressed`).
 * @csspart people-toggle - Shows or hides the participants panel (`aria-expanded`).
 * @csspart layout-toggle - Speaker view on/off (`aria-pressed`; off is the grid).
 * @csspart pip-toggle - Opens the call in a floating window / brings it back (`aria-pressed`; where the browser has picture-in-picture).
 * @csspart audience-notice - Webinar audience notice (no publishing).
 * @csspart start-audio - "Enable sound" button when the browser blocked autoplay.
 * @csspart leave-button - Leave button.
 * @csspart more-button - "More options" (`aria-haspopup="menu"`, `aria-expanded`): in a bar narrower than 600 px, opens the menu of the controls that did not stay in the bar (one row, as on a phone).
 * @csspart more-menu - The "More options" menu (`role=menu`); its items keep their bar button's part (`layout-toggle`, `invites-toggle`…) and state (`aria-checked`, `aria-expanded`).
 * @csspart hand-toggle - Raise / lower our hand (everyone, a webinar's audience included; `aria-pressed`; Ctrl+Alt+H, ⌘+Ctrl+H on a Mac).
 * @csspart tile-hand - Raised-hand badge in a tile's corner, with the hand's place in the queue (`data-position`).
 * @csspart tile-host-mute - Host: mutes the participant's microphone, in their tile's corner.
 * @csspart tile-role - "hôte", "co-hôte" or "invité" after the name in a tile's name bar (`data-role` `host` | `co-host` | `guest`).
 * @csspart stage-role-notice - Webinar: the host moved us on or off the stage (`data-change` `promoted` | `demoted`).
 * @csspart stage-role-mic - Webinar: turns the microphone on after being invited to speak.
 * @csspart chat-toggle - Opens and closes the chat panel (`aria-expanded`).
 * @csspart chat-unread-badge - Number of unread messages on the chat toggle.
 * @csspart participants-panel - The participants panel (raised hands first, then everyone); the parts below are the panel's, re-exported.
 * @csspart participants-close - Close button of the participants panel (Escape closes it too).
 * @csspart raised-hands - The ordered list of raised hands (only while a hand is up).
 * @csspart raised-hand - One raised hand (`data-identity`, `data-position`: 1 for the first hand up).
 * @csspart lower-hand-button - Lowers that hand (our own; anyone's for the host, through the service).
 * @csspart participant-list - Everyone in the call.
 * @csspart participant - One participant of the list (`data-identity`, `data-hand="raised"` when the hand is up).
 * @csspart hand-indicator - The raised-hand mark next to a participant in the list.
 * @csspart host-actions - The host's actions on one participant, in the participants panel (host only).
 * @csspart host-mute-microphone - Host: mutes a participant's microphone.
 * @csspart host-mute-camera - Host: turns a participant's camera off.
 * @csspart host-mute-screen-share - Host: stops a participant's screen share.
 * @csspart host-promote - Host, webinars: invites an audience member to speak (live, no rejoin; also next to a raised hand).
 * @csspart host-demote - Host, webinars: moves a speaker back to the audience.
 * @csspart host-remove - Host: removes a participant (asks for confirmation first).
 * @csspart host-remove-confirm - Host: confirms the removal.
 * @csspart host-remove-cancel - Host: cancels the removal.
 * @csspart host-lock-toggle - Host: locks / unlocks the room (`aria-pressed`).
 * @csspart host-error - Host: why the last host action failed.
 * @csspart participant-role - "hôte", "co-hôte" or "invité" (came by an invite link or the open link) next to a name in the participants panel (`data-role` `host` | `co-host` | `guest`; the tooltip says what it means).
 * @csspart host-make-co-host - The room's creator: makes a participant co-host (participants panel).
 * @csspart host-remove-co-host - The room's creator: takes co-hosting back.
 * @csspart chat-panel - The chat panel; the parts below are the chat panel's, re-exported.
 * @csspart chat-close - Close button of the chat panel.
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
 * @csspart connection-quality - A tile's connection-quality mark (`role=img`, named; `data-quality` `excellent` | `good` | `poor` | `lost`).
 * @csspart stats-toggle - Opens and closes the statistics panel (`aria-expanded`).
 * @csspart device-menu-toggle - The chevron beside the microphone or camera toggle that opens a device menu (`aria-haspopup=menu`, `aria-expanded`); re-exported from the device menu.
 * @csspart device-menu - An open device menu (`role=menu`).
 * @csspart device-option - One device in a menu (`role=menuitemradio`, `aria-checked`, `data-kind`, `data-device-id`).
 * @csspart qa-toggle - Opens and closes the webinar's Q&A panel (`aria-expanded`).
 * @csspart qa-panel - The Q&A panel (audience questions, most voted first); the parts below are the Q&A panel's, re-exported.
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
 * @csspart stats-panel - The statistics panel; the parts below are the statistics panel's, re-exported.
 * @csspart stats-close - Close button of the statistics panel.
 * @csspart stats-section - "Sent" or "Received" (`data-direction` `send` | `receive`).
 * @csspart stats-track - One track's statistics (`data-identity`, `data-source`, `data-direction`).
 * @csspart stats-figures - A track's figures (`<dd data-figure="bitrate|packet-loss|rtt|resolution|codec">`).
 * @csspart stats-empty - Shown while there is no track to measure.
 * @csspart invites-toggle - Host: opens and closes the invite-links panel (`aria-expanded`).
 * @csspart invites-panel - Host: the invite-links panel; the parts below are the panel's, re-exported.
 * @csspart invites-close - Close button of the invite-links panel.
 * @csspart invites-role - Webinars: who the new link is for (a speaker or the audience).
 * @csspart invites-create - Creates an invite link.
 * @csspart invites-url - The new link's URL (read-only, selected on focus).
 * @csspart invites-copy - Copies the URL.
 * @csspart invites-copy-status - "Copied", or how to copy by hand (`data-status` `copied` | `manual`).
 * @csspart invites-list - The links made in this call.
 * @csspart invites-item - One link (`data-id`, `data-role`).
 * @csspart invites-item-copy - Copies that link again (shown in the URL field).
 * @csspart invites-revoke - Revokes that link.
 * @csspart invites-error - Why creating or revoking a link failed.
 * @csspart end-call-button - Host: "End for everyone" (asks for confirmation first).
 * @csspart end-call-dialog - Host: the confirmation (`role=alertdialog`; Escape cancels).
 * @csspart end-call-confirm - Host: ends the call for everyone.
 * @csspart end-call-cancel - Host: keeps the call going.
 * @csspart end-call-error - Host: why ending failed.
 */
export class UrbaniaRoom extends LitElement {
  static override styles = [sharedStyles, styles, roleMarkStyles, endCallStyles];

  @property() locale: Locale = 'fr';
  @property({ attribute: false }) roomName = '';
  @property({ attribute: false }) session: CallSessionLike | undefined;
  /** The call's chat; no chat toggle without it. */
  @property({ attribute: false }) chat: RoomChat | undefined;
  /** Layout and pin (the host's `setLayout()`/`pin()` and this view's toggles); grid without it. */
  @property({ attribute: false }) stage: StageControl | undefined;
  /** Picture-in-picture: whether the browser has it (the button shows) and whether the call is in it now. */
  @property({ attribute: false }) pip: { available: boolean; open: boolean } | undefined;
  /** The host's controls over the call (shown to the host only). */
  @property({ attribute: false }) hostControls: HostControlsLike | undefined;
  private readonly hostCtl = new HostControlsController(this);
  /** Which side panel is open (hosts: the invite-links panel too). */
  private readonly panels = new SidePanels(this, () => Boolean(this.chatState?.open));
  /** Hosts: "end for everyone" with its confirmation. */
  private readonly endCall = new EndCallDialog(this, () => this.hostControls);
  private readonly more = new MoreMenu(this);
  /** "Vous êtes maintenant co-hôte" when the creator makes us co-host during the call (and back). */
  private readonly roleNotice = new RoleNotice();
  private readonly stageRole = new StageRoleWatcher();
  @state() private stageSettings: StageSettings = { layout: 'grid', pinned: undefined };
  @state() private stageNotice = '';
  private stageUnsub: (() => void) | undefined;
  private readonly planner = new StagePlanner(() => this.requestUpdate());
  /** Who is on the stage at the last render (the PiP video, announcements). */
  private staged: StageFocus = { kind: 'none' };
  /** We created the room: the participants panel offers to lower anyone's hand. */
  @property({ type: Boolean }) host = false;
  /** The call's devices; no device menus without them. */
  @property({ attribute: false }) devices: DevicesLike | undefined;
  /** The call's statistics; no statistics toggle without them. */
  @property({ attribute: false }) stats: StatsLike | undefined;
  /** The call's livekit Room (the host's): the statistics are read from its tracks when `stats` is not given. */
  @property({ attribute: false }) callRoom: (() => Room | undefined) | undefined;
  private ownStats: CallStats | undefined;
  /** The statistics the panel shows: `stats`, else the call room's (created here, in the room chunk, not the entry). */
  private get callStats(): StatsLike | undefined {
    const room = this.callRoom;
    return this.stats ?? (room ? (this.ownStats ??= new CallStats(() => { const r = room(); return r ? roomTracks(r) : []; })) : undefined);
  }
  /** A webinar's audience questions (Q&A); no Q&A toggle without them. */
  @property({ attribute: false }) qa: RoomQa | undefined;
  @state() private page = 0;
  @state() private chatState: ChatState | undefined;
  @state() private chatAnnouncement = '';
  private chatUnsub: (() => void) | undefined;
  private chatSeen: ChatMessage | undefined;
  /** What the last keyboard shortcut did, for screen readers. */
  @state() private shortcutNotice = '';

  private readonly call = new CallStateController(this);
  private readonly size = new ResizeController(this);
  private readonly media = new MediaAttacher();

  /** Styled in whichever document it is in (the call can move into a picture-in-picture window). */
  protected override createRenderRoot(): ShadowRoot {
    return portableRenderRoot(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.call.setSession(this.session);
    if (changed.has('hostControls')) this.hostCtl.set(this.hostControls);
    this.stageRole.update(this.call.state);
    if (changed.has('chat')) this.listenChat();
    if (changed.has('stage')) this.listenStage();
    if (changed.has('pip') && changed.get('pip') !== undefined && Boolean(changed.get('pip')?.open) !== Boolean(this.pip?.open)) {
      this.stageNotice = translator(this.locale)(this.pip?.open ? 'announce.pipOpen' : 'announce.pipClosed');
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.chat && !this.chatUnsub) this.listenChat();
    if (this.stage && !this.stageUnsub) this.listenStage();
  }

  private listenStage(): void {
    this.stageUnsub?.();
    let first = true;
    this.stageUnsub = this.stage?.subscribe((v) => {
      const prev = this.stageSettings;
      this.stageSettings = v;
      if (first) { first = false; return; }
      const name = (id: string) => this.call.state.participants.find((p) => p.identity === id)?.name ?? id;
      const notice = stageAnnouncement(prev, v, translator(this.locale), name);
      if (notice !== undefined) this.stageNotice = notice;
    });
  }

  /**
   * The video to show in video picture-in-picture (where Document PiP is missing): the focus (shared screen,
   * spotlight), else a remote speaker's camera, else any remote camera, else ours.
   */
  pipVideo(): HTMLVideoElement | undefined {
    const root = this.renderRoot;
    const s = this.call.state;
    const video = (id: string | undefined, source = 'camera') => id
      ? root.querySelector<HTMLVideoElement>(`video[data-identity="${CSS.escape(id)}"]${source === 'screen' ? '[data-source="screen_share"]' : ':not([data-source])'}`) ?? undefined
      : undefined;
    const remote = s.participants.filter((p) => !p.isLocal && p.video);
    return (this.staged.kind === 'screen' ? video(this.staged.identity, 'screen') : undefined)
      ?? (this.staged.kind === 'participant' ? video(this.staged.identity) : undefined)
      ?? video(remote.find((p) => s.speaking.includes(p.identity))?.identity)
      ?? video(remote[0]?.identity)
      ?? video(s.participants.find((p) => p.isLocal && p.video)?.identity);
  }
  private listenChat(): void {
    this.chatUnsub?.();
    this.chatSeen = this.chat?.state.messages.at(-1);
    this.chatUnsub = this.chat?.subscribe((s) => {
      const announcement = chatAnnouncement(s, this.chatSeen, translator(this.locale));
      if (announcement !== undefined) this.chatAnnouncement = announcement;
      this.chatSeen = s.messages.at(-1);
      this.chatState = s;
    });
  }

  private readonly onDeviceSelect = (e: CustomEvent<{ kind: 'audioinput' | 'videoinput' | 'audiooutput'; deviceId: string }>): void => {
    e.stopPropagation();
    this.dispatchEvent(new CustomEvent('room-device', { detail: e.detail, bubbles: true }));
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chatUnsub?.();
    this.chatUnsub = undefined;
    this.stageUnsub?.();
    this.stageUnsub = undefined;
    this.planner.clear();
    this.media.clear();
  }

  protected override updated(): void {
    this.size.observe(this.renderRoot.querySelector('.stage'));
    // Column count through CSSOM, not a style attribute: a strict CSP (style-src-attr) blocks the latter.
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    if (grid && grid.style.getPropertyValue('--_cols') !== grid.dataset['cols']) grid.style.setProperty('--_cols', grid.dataset['cols'] ?? '1');
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    const strip = stage?.dataset['stripSize'];
    if (stage && strip && stage.style.getPropertyValue('--_strip') !== `${strip}px`) stage.style.setProperty('--_strip', `${strip}px`);
    this.media.sync([this.renderRoot], this.call.state.participants);
  }

  private fire(name: 'room-leave' | 'room-rejoin'): void {
    if (name === 'room-leave') this.dispatchEvent(new CustomEvent('room-leave', { bubbles: true }));
    else this.dispatchEvent(new CustomEvent('room-rejoin', { bubbles: true }));
  }

  private screenShare(on: boolean): void {
    this.dispatchEvent(new CustomEvent('room-screen-share', { detail: on, bubbles: true }));
  }

  private toggleMic(s: CallState): void {
    void this.session?.setMicrophoneEnabled(!s.micEnabled);
  }

  private toggleCamera(s: CallState): void {
    void this.session?.setCameraEnabled(!s.cameraEnabled);
  }

  /** Ctrl/⌘+D (microphone) and Ctrl/⌘+E (camera), as in Google Meet, only while focus is inside the call. */
  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (isHandShortcut(e)) {
      e.preventDefault();
      if (this.call.state.connection === 'connected') this.hand(!this.ownHandRaised());
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.repeat) return;
    const key = e.key.toLowerCase();
    const s = this.call.state;
    if (!s.canPublish || (s.connection !== 'connected' && s.connection !== 'reconnecting')) return;
    const t = translator(this.locale);
    if (key === 'd') {
      e.preventDefault();
      this.toggleMic(s);
      this.shortcutNotice = t(s.micEnabled ? 'announce.micOff' : 'announce.micOn');
    } else if (key === 'e' && s.callType === 'video') {
      e.preventDefault();
      this.toggleCamera(s);
      this.shortcutNotice = t(s.cameraEnabled ? 'announce.cameraOff' : 'announce.cameraOn');
    }
  };

  private tile(p: ParticipantView, t: ReturnType<typeof translator>) {
    const pinned = this.stageSettings.pinned === p.identity;
    const pin = this.stage && this.call.state.participants.length > 1 ? pinButton(p, pinned, t, (id) => this.pinFromTile(id)) : undefined;
    const role = { label: markLabel(p, this.hostCtl, t), mark: renderRoleMark(p, this.hostCtl, t, 'tile-role') };
    return renderTile(p, { t, pinned, role, corner: html`${handBadge(this.handPositions.get(p.identity), t)}${pin ?? nothing}${renderTileHostAction(p, this.hostCtl, t) ?? nothing}` });
  }

  private pinFromTile(identity: string | null): void {
    try {
      this.stage?.pin(identity, this.call.state);
    } catch (err) {
      console.warn('[urbania-meeting] pin', err);
    }
  }

  private setLayout(layout: 'grid' | 'speaker'): void {
    try {
      this.stage?.setLayout(layout, this.call.state);
    } catch (err) {
      console.warn('[urbania-meeting] layout', err);
    }
  }

  private hand(raise: boolean): void {
    this.dispatchEvent(new CustomEvent('room-hand', { detail: raise, bubbles: true }));
  }

  private ownHandRaised(): boolean {
    return this.call.state.participants.some((p) => p.isLocal && p.handRaisedAt !== undefined);
  }

  private onLowerHand(e: CustomEvent<string>): void {
    e.stopPropagation();
    const own = this.call.state.participants.find((p) => p.isLocal)?.identity;
    if (e.detail === own) this.hand(false);
    else this.dispatchEvent(new CustomEvent('room-lower-hand', { detail: e.detail, bubbles: true }));
  }

  /** Each raised hand's place in the queue (1 = first up), for the tiles' marks. */
  private handPositions = new Map<string, number>();

  protected override render() {
    const t = translator(this.locale);
    const s = this.call.state;
    const local = s.participants.find((p) => p.isLocal);
    const byId = new Map(s.participants.map((p) => [p.identity, p]));
    const sharing = Boolean(s.screenShareEnabled || local?.screen);
    const settings = this.stageSettings;
    const { focus, layout, ordered } = this.planner.plan(s, settings, this.size);
    this.staged = focus;
    this.handPositions = new Map(orderedHands(s.participants).map((h) => [h.identity, h.position]));
    const chat = this.chat && s.connection !== 'idle' ? this.chatState : undefined;
    const chatOpen = Boolean(chat?.open);
    const isHost = Boolean(this.hostCtl.state?.isHost);
    const panels = this.panels;
    const invitesOpen = panels.invitesOpen && isHost && s.connection !== 'disconnected';
    const statusText = connectionStatusText(s, t);
    return html`
      <section part="room" class="room" tabindex="-1" lang=${this.locale} aria-label=${t('room.label', { room: this.roomName })}
        data-connection=${s.connection} data-chat=${chatOpen || panels.statsOpen || panels.qaOpen || invitesOpen ? 'open' : 'closed'} @keydown=${this.onKeydown}>
        <div class="status">
          <span class="badge" part="connection-status" role="status">${statusText}</span>
          ${!s.canPublish && s.connection !== 'idle' ? html`<span class="badge" part="audience-badge">${t('room.listener')}</span>` : nothing}
          ${!s.canPublish && s.connection === 'connected' ? html`<p class="notice" part="audience-notice">${t('room.audienceNotice')}</p>` : nothing}
          ${renderStageRole(this.stageRole, t, { mic: () => { this.stageRole.dismiss(); void this.session?.setMicrophoneEnabled(true); }, dismiss: () => { this.stageRole.dismiss(); this.requestUpdate(); } })}
          ${s.connection === 'disconnected' && s.reason !== 'room_deleted' ? html`<button part="rejoin-button" class="primary" type="button" @click=${() => this.fire('room-rejoin')}>${t('left.rejoin')}</button>` : nothing}
        </div>
        <div class="main">
          ${renderStage({ t, layout, focus, ordered, page: this.page, setPage: (p) => { this.page = p; }, tile: (p) => this.tile(p, t) })}
          <urbania-participants-panel class="people" ?hidden=${!panels.peopleOpen} exportparts=${PEOPLE_EXPORTS} .locale=${this.locale}
            .participants=${s.participants} ?host=${this.host} .hostControls=${this.hostControls}
            @participants-lower-hand=${this.onLowerHand}
            @participants-close=${(e: Event) => { e.stopPropagation(); panels.togglePeople(false, true); }}></urbania-participants-panel>
        </div>
        ${sharing && s.connection !== 'disconnected'
          ? html`<div class="banner" part="screen-share-banner" role="status">
              ${icons.screenShare}<span>${t('room.sharingBanner')}</span>
              <button part="stop-screen-share" type="button" class="danger" @click=${() => this.screenShare(false)}>${t('room.screenShareStop')}</button>
            </div>`
          : nothing}
        ${renderControls({
          s, t, sharing, chat, peopleOpen: panels.peopleOpen, layout: this.stage ? settings.layout : undefined, pip: this.pip,
          handRaised: Boolean(local && local.handRaisedAt !== undefined),
          deviceMenu: this.devices ? (group) => html`<urbania-device-menu group=${group} exportparts=${DEVICE_MENU_EXPORTS} .locale=${this.locale}
            .devices=${this.devices} @device-select=${this.onDeviceSelect}></urbania-device-menu>` : undefined,
          statsOpen: this.callStats ? panels.statsOpen : undefined,
          qaOpen: this.qa ? panels.qaOpen : undefined,
          host: isHost ? { invitesOpen } : undefined, barWidth: this.size.width, more: this.more,
          on: {
            invites: (open) => panels.toggleInvites(open),
            endAll: () => this.endCall.show(),
            qa: (open) => panels.toggleQa(open),
            stats: (open) => panels.toggleStats(open),
            layout: (l) => this.setLayout(l),
            pip: (open) => { this.dispatchEvent(new CustomEvent('room-pip', { detail: open, bubbles: true })); },
            hand: (raise) => this.hand(raise),
            mic: () => this.toggleMic(s), camera: () => this.toggleCamera(s), screenShare: (on) => this.screenShare(on),
            people: () => panels.togglePeople(!panels.peopleOpen), chat: (open) => panels.toggleChat(open),
            startAudio: () => void this.session?.startAudio(), leave: () => this.fire('room-leave'),
          },
        })}
        ${panels.render({
          s, locale: this.locale, chatOpen, invitesOpen, stats: this.callStats, identity: local?.identity ?? '', host: this.host, hostControls: this.hostControls,
        })}
        ${this.endCall.render(t, isHost && s.connection !== 'disconnected')}
        ${renderAnnouncements({
          chat: this.chatAnnouncement, shortcut: this.shortcutNotice, stage: this.stageNotice,
          host: hostAnnouncement(this.hostCtl, t, (id) => byId.get(id)?.name ?? id), role: this.roleNotice.update(this.hostCtl.state, t),
        })}
        <div class="audio-sink" aria-hidden="true">
          ${repeat(s.participants.flatMap((p) => p.audio.map((a) => ({ p, a }))), ({ a }) => a.sid, ({ p, a }) =>
            html`<audio data-identity=${p.identity} data-track-sid=${a.sid} autoplay></audio>`)}
        </div>
      </section>
    `;
  }
}
