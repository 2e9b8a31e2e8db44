/**
 * The room's control bar: icon buttons (inline SVG) with an accessible name, a tooltip (CSS, from `data-tip`) and,
 * for toggles, a pressed or expanded state. Pure rendering: the room passes the call state and its handlers.
 * A feature adds its button here (and its handler to `ControlsContext`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Translate } from '../../i18n/index.js';
import type { CallState } from '../../core/call-session.js';
import type { ChatState } from '../../core/chat.js';
import { icons } from './icons.js';
import { NARROW, NARROW_BAR_WIDTH, splitControls, type ControlRank, type OverflowControl } from '../../core/control-overflow.js';
import type { MoreMenu, MoreMenuItem } from './more-menu.js';

export interface ControlButton {
  part: string;
  /** Accessible name (omit when the content names the button). */
  label?: string;
  tip: string;
  icon: unknown;
  onClick: () => void;
  pressed?: boolean;
  expanded?: boolean;
  keys?: string;
  variant?: 'danger';
  off?: boolean;
}

/** One icon button of the control bar. */
export function controlButton(o: ControlButton): TemplateResult {
  return html`<button part=${o.part} type="button" class="ctl ${o.variant ?? ''}" aria-label=${o.label ?? nothing} data-tip=${o.tip}
      aria-pressed=${o.pressed === undefined ? nothing : o.pressed ? 'true' : 'false'}
      aria-expanded=${o.expanded === undefined ? nothing : o.expanded ? 'true' : 'false'}
      aria-keyshortcuts=${o.keys ?? nothing} data-off=${o.off ? 'true' : 'false'}
      @click=${o.onClick}>${o.icon}</button>`;
}

export interface ControlsContext {
  s: CallState;
  t: Translate;
  /** We share our screen. */
  sharing: boolean;
  /** The chat's state; no chat toggle without it. */
  chat: ChatState | undefined;
  peopleOpen: boolean;
  /** The stage layout (speaker-focus.ts); no layout toggle when undefined. */
  layout?: 'grid' | 'speaker' | undefined;
  /** Picture-in-picture: available in this browser, and open (document or video). No PiP button when unavailable. */
  pip?: { available: boolean; open: boolean } | undefined;
  /** Our hand is up (hands.ts). */
  handRaised: boolean;
  /** The device menu beside a toggle (`audio`: microphone + speaker, `video`: camera, `output`: speaker alone). */
  deviceMenu?: ((group: 'audio' | 'video' | 'output') => unknown) | undefined;
  /** The statistics panel is open; no statistics toggle when undefined. */
  statsOpen?: boolean | undefined;
  /** The Q&A panel is open (webinars); no Q&A toggle when undefined. */
  qaOpen?: boolean | undefined;
  /** We host the call: the invite-links toggle (open or not) and "end for everyone". Nothing for the others. */
  host?: { invitesOpen: boolean } | undefined;
  /** The bar's width in px (0: not measured yet); below NARROW_BAR_WIDTH it keeps one row and a "More options" menu. */
  barWidth?: number | undefined;
  /** The "More options" menu of a narrow bar. */
  more?: MoreMenu | undefined;
  on: {
    invites?(open: boolean): void;
    endAll?(): void;
    qa?(open: boolean): void;
    hand(raise: boolean): void;
    stats?(open: boolean): void;
    mic(): void;
    camera(): void;
    screenShare(on: boolean): void;
    people(): void;
    chat(open: boolean): void;
    startAudio(): void;
    leave(): void;
    layout?(layout: 'grid' | 'speaker'): void;
    pip?(open: boolean): void;
  };
}

/** ⌘ on Apple keyboards, Ctrl elsewhere (both work everywhere). */
export function isApple(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac|iphone|ipad/i.test(nav.userAgentData?.platform ?? nav.platform ?? '');
}

/** One control of the bar: its template, how it behaves in a narrow bar and, when it can go there, its menu item. */
interface Entry extends Omit<OverflowControl, 'menuable'> {
  bar: unknown;
  item?: MoreMenuItem;
}

/** A bar button and the same control as a "More options" item: one label, one state, one handler. */
function toggle(o: ControlButton & { label: string }, rank: ControlRank, width: number = NARROW.button): Entry {
  return {
    key: o.part, rank, width, bar: controlButton(o),
    item: { part: o.part, label: o.label, icon: o.icon, onClick: o.onClick, checked: o.pressed, expanded: o.expanded, variant: o.variant },
  };
}

export function renderControls(c: ControlsContext): TemplateResult {
  const { s, t, sharing, chat, on } = c;
  const chatOpen = Boolean(chat?.open);
  const unread = chat?.unread ?? 0;
  const live = s.connection === 'connected' || s.connection === 'reconnecting';
  const showPublish = s.canPublish && live;
  const mod = isApple() ? '⌘' : 'Ctrl';
  const entries: Entry[] = [];
  const add = (cond: unknown, e: () => Entry): void => { if (cond) entries.push(e()); };
  const deviceMenu = (group: 'audio' | 'video' | 'output'): void => {
    const menu = c.deviceMenu?.(group);
    if (menu) entries.push({ key: `device-${group}`, rank: 'fixed', width: NARROW.deviceMenu, bar: menu });
  };
  // When the bar is narrow, chat or people stays in it (chat when there is one), the other goes into the menu.
  const panelRank = (isChat: boolean): ControlRank => (isChat === Boolean(chat) ? { drop: 2 } : 'secondary');
  if (showPublish) {
    add(true, () => toggle({
      part: 'mic-toggle', label: t('room.mic'), pressed: s.micEnabled, off: !s.micEnabled, keys: 'Control+D Meta+D',
      tip: `${s.micEnabled ? t('room.micOn') : t('room.micOff')} (${mod}+D)`,
      icon: s.micEnabled ? icons.mic : icons.micOff, onClick: on.mic,
    }, 'fixed'));
    deviceMenu('audio');
    if (s.callType === 'video') {
      add(true, () => toggle({
        part: 'camera-toggle', label: t('room.camera'), pressed: s.cameraEnabled, off: !s.cameraEnabled, keys: 'Control+E Meta+E',
        tip: `${s.cameraEnabled ? t('room.cameraOn') : t('room.cameraOff')} (${mod}+E)`,
        icon: s.cameraEnabled ? icons.camera : icons.cameraOff, onClick: on.camera,
      }, 'fixed'));
      deviceMenu('video');
    }
    add(s.canScreenShare, () => toggle({
      part: 'screen-share-toggle', label: t('room.screenShare'), pressed: sharing,
      tip: sharing ? t('room.screenShareStop') : t('room.screenShareStart'),
      icon: sharing ? icons.stopScreenShare : icons.screenShare, onClick: () => on.screenShare(!sharing),
    }, { drop: 1 }));
  } else if (live) deviceMenu('output');
  add(c.layout && live, () => toggle({
    part: 'layout-toggle', label: t('room.layout'), pressed: c.layout === 'speaker',
    tip: c.layout === 'speaker' ? t('room.layoutGrid') : t('room.layoutSpeaker'),
    icon: c.layout === 'speaker' ? icons.gridView : icons.speakerView,
    onClick: () => on.layout?.(c.layout === 'speaker' ? 'grid' : 'speaker'),
  }, 'secondary'));
  add(c.pip?.available && live, () => toggle({
    part: 'pip-toggle', label: t('room.pip'), pressed: c.pip!.open,
    tip: c.pip!.open ? t('room.pipClose') : t('room.pipOpen'),
    icon: c.pip!.open ? icons.pipExit : icons.pip, onClick: () => on.pip?.(!c.pip!.open),
  }, 'secondary'));
  add(live, () => toggle({
    // Everyone may raise a hand, a webinar's audience included. Ctrl+Alt+H (⌘+Ctrl+H on a Mac), as in Google Meet.
    part: 'hand-toggle', label: t('room.raiseHand'), pressed: c.handRaised, keys: 'Control+Alt+H Meta+Control+H',
    tip: `${c.handRaised ? t('room.lowerHand') : t('room.raiseHand')} (${isApple() ? '⌘+Ctrl+H' : 'Ctrl+Alt+H'})`,
    icon: icons.hand, onClick: () => on.hand(!c.handRaised),
  }, { drop: 3 }));
  add(s.connection !== 'disconnected', () => ({
    key: 'people-toggle', rank: panelRank(false), width: NARROW.button,
    // Named by its content (the visible count is part of the name): "Participants 3".
    bar: controlButton({
      part: 'people-toggle', expanded: c.peopleOpen,
      tip: c.peopleOpen ? t('room.hidePeople') : t('room.showPeople'),
      icon: html`${icons.people}<span class="sr-only">${t('room.people')}</span><span class="count">${s.participants.length}</span>`,
      onClick: on.people,
    }),
    item: { part: 'people-toggle', label: `${t('room.people')} (${s.participants.length})`, icon: icons.people, onClick: on.people, expanded: c.peopleOpen },
  }));
  add(chat, () => ({
    key: 'chat-toggle', rank: panelRank(true), width: NARROW.button,
    bar: html`<button part="chat-toggle" type="button" class="ctl" aria-expanded=${chatOpen ? 'true' : 'false'} aria-controls="chat"
        aria-label=${unread ? t('chat.openUnread', { count: unread }) : t('chat.open')} data-tip=${t('chat.open')}
        @click=${() => on.chat(!chatOpen)}>${icons.chat}${unread
          ? html`<span part="chat-unread-badge" class="count unread" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}</button>`,
    item: { part: 'chat-toggle', label: unread ? t('chat.openUnread', { count: unread }) : t('chat.open'), icon: icons.chat, onClick: () => on.chat(!chatOpen), expanded: chatOpen },
  }));
  add(c.qaOpen !== undefined && live, () => toggle({
    part: 'qa-toggle', label: t('qa.open'), expanded: c.qaOpen, tip: t('qa.open'),
    icon: icons.qa, onClick: () => on.qa?.(!c.qaOpen),
  }, 'secondary'));
  add(c.statsOpen !== undefined && live, () => toggle({
    part: 'stats-toggle', label: t('stats.open'), expanded: c.statsOpen, tip: t('stats.open'),
    icon: icons.stats, onClick: () => on.stats?.(!c.statsOpen),
  }, 'secondary'));
  add(c.host && live, () => toggle({
    part: 'invites-toggle', label: t('invites.open'), expanded: c.host!.invitesOpen, tip: t('invites.open'),
    icon: icons.personAdd, onClick: () => on.invites?.(!c.host!.invitesOpen),
  }, 'secondary'));
  add(!s.canPlayAudio, () => ({
    key: 'start-audio', rank: 'fixed', width: 160,
    bar: html`<button part="start-audio" type="button" class="ctl wide" @click=${on.startAudio}>${icons.sound}<span>${t('room.startAudio')}</span></button>`,
  }));
  add(s.connection !== 'disconnected', () => ({
    key: 'leave-button', rank: 'fixed', width: NARROW.danger,
    bar: controlButton({ part: 'leave-button', label: t('room.leave'), tip: t('room.leave'), icon: icons.leave, variant: 'danger', onClick: on.leave }),
  }));
  add(c.host && live, () => toggle({
    part: 'end-call-button', label: t('endCall.open'), tip: t('endCall.open'), icon: icons.endAll, variant: 'danger', onClick: () => on.endAll?.(),
  }, 'secondary', NARROW.danger));
  const split = splitControls(entries.map((e) => ({ ...e, menuable: Boolean(e.item) })), c.barWidth ?? 0);
  const inMenu = new Set(split.menu);
  const narrow = Boolean(c.barWidth && c.barWidth < NARROW_BAR_WIDTH);
  const shown: Array<{ key: string; bar: unknown }> = entries.filter((e) => !inMenu.has(e.key));
  // The menu button sits before "leave", as in Google Meet.
  const menu = c.more?.render(t, entries.filter((e) => inMenu.has(e.key)).map((e) => e.item!)) ?? nothing;
  const leaveAt = shown.findIndex((e) => e.key === 'leave-button');
  shown.splice(leaveAt < 0 ? shown.length : leaveAt, 0, { key: 'more', bar: menu });
  return html`<div class="controls" part="controls" role="group" aria-label=${t('room.controls')} ?data-narrow=${narrow}>
    ${repeat(shown, (e) => e.key, (e) => e.bar)}
  </div>`;
}
