/**
 * The room's control bar: icon buttons (inline SVG) with an accessible name, a tooltip (CSS, from `data-tip`) and,
 * for toggles, a pressed or expanded state. Pure rendering: the room passes the call state and its handlers.
 * A feature adds its button here (and its handler to `ControlsContext`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/index.js';
import type { CallState } from '../../core/call-session.js';
import type { ChatState } from '../../core/chat.js';
import { icons } from './icons.js';

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

export function renderControls(c: ControlsContext): TemplateResult {
  const { s, t, sharing, chat, on } = c;
  const chatOpen = Boolean(chat?.open);
  const unread = chat?.unread ?? 0;
  const live = s.connection === 'connected' || s.connection === 'reconnecting';
  const showPublish = s.canPublish && live;
  const mod = isApple() ? '⌘' : 'Ctrl';
  return html`<div class="controls" part="controls" role="group" aria-label=${t('room.controls')}>
    ${showPublish
      ? html`
        ${controlButton({
          part: 'mic-toggle', label: t('room.mic'), pressed: s.micEnabled, off: !s.micEnabled, keys: 'Control+D Meta+D',
          tip: `${s.micEnabled ? t('room.micOn') : t('room.micOff')} (${mod}+D)`,
          icon: s.micEnabled ? icons.mic : icons.micOff, onClick: on.mic,
        })}${c.deviceMenu?.('audio') ?? nothing}
        ${s.callType === 'video'
          ? html`${controlButton({
            part: 'camera-toggle', label: t('room.camera'), pressed: s.cameraEnabled, off: !s.cameraEnabled, keys: 'Control+E Meta+E',
            tip: `${s.cameraEnabled ? t('room.cameraOn') : t('room.cameraOff')} (${mod}+E)`,
            icon: s.cameraEnabled ? icons.camera : icons.cameraOff, onClick: on.camera,
          })}${c.deviceMenu?.('video') ?? nothing}`
          : nothing}
        ${s.canScreenShare
          ? controlButton({
            part: 'screen-share-toggle', label: t('room.screenShare'), pressed: sharing,
            tip: sharing ? t('room.screenShareStop') : t('room.screenShareStart'),
            icon: sharing ? icons.stopScreenShare : icons.screenShare, onClick: () => on.screenShare(!sharing),
          })
          : nothing}`
      : live ? c.deviceMenu?.('output') ?? nothing : nothing}
    ${c.layout && live
      ? controlButton({
        part: 'layout-toggle', label: t('room.layout'), pressed: c.layout === 'speaker',
        tip: c.layout === 'speaker' ? t('room.layoutGrid') : t('room.layoutSpeaker'),
        icon: c.layout === 'speaker' ? icons.gridView : icons.speakerView,
        onClick: () => on.layout?.(c.layout === 'speaker' ? 'grid' : 'speaker'),
      })
      : nothing}
    ${c.pip?.available && live
      ? controlButton({
        part: 'pip-toggle', label: t('room.pip'), pressed: c.pip.open,
        tip: c.pip.open ? t('room.pipClose') : t('room.pipOpen'),
        icon: c.pip.open ? icons.pipExit : icons.pip, onClick: () => on.pip?.(!c.pip!.open),
      })
      : nothing}
    ${live
      ? controlButton({
        // Everyone may raise a hand, a webinar's audience included. Ctrl+Alt+H (⌘+Ctrl+H on a Mac), as in Google Meet.
        part: 'hand-toggle', label: t('room.raiseHand'), pressed: c.handRaised, keys: 'Control+Alt+H Meta+Control+H',
        tip: `${c.handRaised ? t('room.lowerHand') : t('room.raiseHand')} (${isApple() ? '⌘+Ctrl+H' : 'Ctrl+Alt+H'})`,
        icon: icons.hand, onClick: () => on.hand(!c.handRaised),
      })
      : nothing}
    ${s.connection !== 'disconnected'
      ? controlButton({
        // Named by its content (the visible count is part of the name): "Participants 3".
        part: 'people-toggle', expanded: c.peopleOpen,
        tip: c.peopleOpen ? t('room.hidePeople') : t('room.showPeople'),
        icon: html`${icons.people}<span class="sr-only">${t('room.people')}</span><span class="count">${s.participants.length}</span>`,
        onClick: on.people,
      })
      : nothing}
    ${chat
      ? html`<button part="chat-toggle" type="button" class="ctl" aria-expanded=${chatOpen ? 'true' : 'false'} aria-controls="chat"
          aria-label=${unread ? t('chat.openUnread', { count: unread }) : t('chat.open')} data-tip=${t('chat.open')}
          @click=${() => on.chat(!chatOpen)}>${icons.chat}${unread
            ? html`<span part="chat-unread-badge" class="count unread" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}</button>`
      : nothing}
    ${c.qaOpen !== undefined && live
      ? controlButton({
        part: 'qa-toggle', label: t('qa.open'), expanded: c.qaOpen, tip: t('qa.open'),
        icon: icons.qa, onClick: () => on.qa?.(!c.qaOpen),
      })
      : nothing}
    ${c.statsOpen !== undefined && live
      ? controlButton({
        part: 'stats-toggle', label: t('stats.open'), expanded: c.statsOpen, tip: t('stats.open'),
        icon: icons.stats, onClick: () => on.stats?.(!c.statsOpen),
      })
      : nothing}
    ${c.host && live
      ? controlButton({
        part: 'invites-toggle', label: t('invites.open'), expanded: c.host.invitesOpen, tip: t('invites.open'),
        icon: icons.personAdd, onClick: () => on.invites?.(!c.host!.invitesOpen),
      })
      : nothing}
    ${!s.canPlayAudio ? html`<button part="start-audio" type="button" class="ctl wide" @click=${on.startAudio}>${icons.sound}<span>${t('room.startAudio')}</span></button>` : nothing}
    ${s.connection !== 'disconnected'
      ? controlButton({ part: 'leave-button', label: t('room.leave'), tip: t('room.leave'), icon: icons.leave, variant: 'danger', onClick: on.leave })
      : nothing}
    ${c.host && live
      ? controlButton({ part: 'end-call-button', label: t('endCall.open'), tip: t('endCall.open'), icon: icons.endAll, variant: 'danger', onClick: () => on.endAll?.() })
      : nothing}
  </div>`;
}
