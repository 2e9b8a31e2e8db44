/**
 * The room's side panels (chat, statistics, Q&A, invite links) and the participants panel: which one is open (one
 * side panel at a time; the participants panel beside them), focus moving into a panel that opens and back to its
 * toggle when closed with its own button, and the side panels' templates. The panels are elements of their own
 * (views/chat-panel, stats-panel, qa-panel, invite-panel); their parts are re-exported by the room.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Locale } from '../../i18n/room.js';
import type { CallState } from '../../core/call-session.js';
import type { ChatLike } from '../chat-panel/chat-panel.component.js';
import type { StatsLike } from '../stats-panel/stats-panel.component.js';
import type { QaLike } from '../qa-panel/qa-panel.component.js';
import type { HostControlsLike } from '../../controllers/host-controls-controller.js';
import { CHAT_PANEL_PARTS } from '../chat-panel/chat-panel.parts.js';
import { INVITE_PANEL_EXPORTS, QA_PANEL_EXPORTS, STATS_PANEL_EXPORTS } from './room.parts.js';
import { focusControl } from './more-menu.js';
import '../chat-panel/chat-panel.js';
import '../stats-panel/stats-panel.js';
import '../qa-panel/qa-panel.js';
import '../invite-panel/invite-panel.js';

/** The chat the room shows: messages and sending (chat-panel) plus the open/unread state the toggle shows. */
export type RoomChat = ChatLike & { setOpen(open: boolean): void };
/** A webinar's audience questions, with the open state the board keeps (unread questions). */
export type RoomQa = QaLike & { setOpen(open: boolean): void };
const CHAT_EXPORTS = CHAT_PANEL_PARTS.join(', ');

/** What the panels need of the room. */
export interface PanelsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly chat: RoomChat | undefined;
  readonly qa: RoomQa | undefined;
}

export class SidePanels implements ReactiveController {
  private _statsOpen = false;
  private _qaOpen = false;
  private _invitesOpen = false;
  private _peopleOpen = false;

  /** `chatOpen`: whether the chat says it is open (the chat keeps that state itself, for its unread count). */
  constructor(private readonly host: PanelsHost, private readonly chatOpen: () => boolean) {
    host.addController(this);
  }

  hostConnected(): void {}

  get statsOpen(): boolean { return this._statsOpen; }
  get qaOpen(): boolean { return this._qaOpen; }
  /** Hosts: the invite-links panel. */
  get invitesOpen(): boolean { return this._invitesOpen; }
  get peopleOpen(): boolean { return this._peopleOpen; }

  private set(field: '_statsOpen' | '_qaOpen' | '_invitesOpen' | '_peopleOpen', open: boolean): void {
    if (this[field] === open) return;
    this[field] = open;
    this.host.requestUpdate();
  }

  /** Once rendered: focus the panel that opened, or its toggle when it was closed from inside. */
  private focusAfter(open: boolean, focusToggle: boolean, panel: string, toggle: string): void {
    void this.host.updateComplete.then(() => {
      if (open) this.host.renderRoot.querySelector<HTMLElement>(panel)?.focus();
      else if (focusToggle) focusControl(this.host.renderRoot, toggle);
    });
  }

  toggleChat(open: boolean, focusToggle = false): void {
    this.host.chat?.setOpen(open);
    if (open) {
      this.set('_statsOpen', false);
      this.set('_invitesOpen', false);
    }
    if (open) this.toggleQa(false);
    this.focusAfter(open, focusToggle, 'urbania-chat-panel', 'chat-toggle');
  }

  toggleStats(open: boolean, focusToggle = false): void {
    this.set('_statsOpen', open);
    if (open) this.set('_invitesOpen', false);
    if (open && this.chatOpen()) this.host.chat?.setOpen(false);
    if (open) this.toggleQa(false);
    this.focusAfter(open, focusToggle, 'urbania-stats-panel', 'stats-toggle');
  }

  toggleQa(open: boolean, focusToggle = false): void {
    if (open === this._qaOpen) return;
    this.set('_qaOpen', open);
    this.host.qa?.setOpen(open);
    if (open) {
      this.set('_statsOpen', false);
      this.set('_invitesOpen', false);
      if (this.chatOpen()) this.host.chat?.setOpen(false);
    }
    this.focusAfter(open, focusToggle, 'urbania-qa-panel', 'qa-toggle');
  }

  toggleInvites(open: boolean, focusToggle = false): void {
    if (open) {
      this.toggleStats(false);
      this.toggleQa(false);
      if (this.chatOpen()) this.host.chat?.setOpen(false);
    }
    this.set('_invitesOpen', open);
    this.focusAfter(open, focusToggle, 'urbania-invite-panel', 'invites-toggle');
  }

  togglePeople(open: boolean, focusToggle = false): void {
    this.set('_peopleOpen', open);
    this.focusAfter(open, focusToggle, 'urbania-participants-panel', 'people-toggle');
  }

  /** The open side panel (at most one). */
  render(o: {
    s: CallState; locale: Locale; chatOpen: boolean; invitesOpen: boolean; stats: StatsLike | undefined;
    identity: string; host: boolean; hostControls: HostControlsLike | undefined;
  }): unknown {
    const { s, locale } = o;
    const closing = (close: () => void) => (e: Event) => { e.stopPropagation(); close(); };
    return html`${o.chatOpen
      ? html`<urbania-chat-panel id="chat" class="chat" exportparts=${CHAT_EXPORTS} .locale=${locale} .chat=${this.host.chat}
          ?can-send=${s.canChat} @chat-close=${closing(() => this.toggleChat(false, true))}></urbania-chat-panel>`
      : nothing}
    ${this._statsOpen && o.stats && s.connection !== 'disconnected'
      ? html`<urbania-stats-panel id="stats" class="chat" exportparts=${STATS_PANEL_EXPORTS} .locale=${locale} .stats=${o.stats}
          @stats-close=${closing(() => this.toggleStats(false, true))}></urbania-stats-panel>`
      : nothing}
    ${this._qaOpen && this.host.qa && s.connection !== 'disconnected'
      ? html`<urbania-qa-panel id="qa" class="chat" exportparts=${QA_PANEL_EXPORTS} .locale=${locale} .qa=${this.host.qa}
          .identity=${o.identity} ?host=${o.host} @qa-close=${closing(() => this.toggleQa(false, true))}></urbania-qa-panel>`
      : nothing}
    ${o.invitesOpen
      ? html`<urbania-invite-panel id="invites" class="chat" exportparts=${INVITE_PANEL_EXPORTS} .locale=${locale} .hostControls=${o.hostControls}
          @invites-close=${closing(() => this.toggleInvites(false, true))}></urbania-invite-panel>`
      : nothing}`;
  }
}
