/**
 * What the room says to screen readers: the connection-status text, the words for a chat message arriving with the
 * panel closed and for the stage changing (pin, layout), and the live regions that carry them.
 */
import { html } from 'lit';
import type { Translate } from '../../i18n/index.js';
import type { CallState } from '../../core/call-session.js';
import type { ChatMessage, ChatState } from '../../core/chat.js';
import type { StageSettings } from '../../core/speaker-focus.js';

const reasonKeys: Record<string, true> = {
  'reason.client_initiated': true, 'reason.duplicate_identity': true, 'reason.server_shutdown': true,
  'reason.participant_removed': true, 'reason.room_deleted': true, 'reason.join_failure': true, 'reason.connection_lost': true, 'reason.unknown': true,
};

/** The connection-status badge's text (with why the call ended once disconnected). */
export function connectionStatusText(s: CallState, t: Translate): string {
  return s.connection === 'disconnected' && s.reason
    ? t('state.disconnectedReason', { reason: t(`reason.${s.reason}` in reasonKeys ? (`reason.${s.reason}` as 'reason.unknown') : 'reason.unknown') })
    : t(`state.${s.connection}`);
}

/**
 * With the panel closed, a new message from someone else is announced (the open panel is itself a live log); earlier
 * messages loaded on joining go before the last one and are not announced. `seen`: the last message at the last call.
 */
export function chatAnnouncement(s: ChatState, seen: ChatMessage | undefined, t: Translate): string | undefined {
  const last = s.messages.at(-1);
  if (!s.open && last && !last.local && !last.earlier && s.unread > 0 && last !== seen) {
    return t('chat.announce', { name: last.from.name, text: last.text.slice(0, 200) });
  }
  return undefined;
}

/** What changed on the stage between two settings (a pin, an unpin, the layout); undefined when nothing did. */
export function stageAnnouncement(prev: StageSettings, v: StageSettings, t: Translate, name: (identity: string) => string): string | undefined {
  if (v.pinned && v.pinned !== prev.pinned) return t('announce.pinned', { name: name(v.pinned) });
  if (!v.pinned && prev.pinned) return t('announce.unpinned');
  if (v.layout !== prev.layout) return t(v.layout === 'speaker' ? 'announce.layoutSpeaker' : 'announce.layoutGrid');
  return undefined;
}

/** The room's polite live regions (chat, shortcuts, stage, host actions, role changes). */
export function renderAnnouncements(a: { chat: string; shortcut: string; stage: string; host: unknown; role: unknown }): unknown {
  return html`<div class="sr-only" aria-live="polite">${a.chat}</div>
    <div class="sr-only" id="shortcut-status" aria-live="polite">${a.shortcut}</div>
    <div class="sr-only" id="stage-status" aria-live="polite">${a.stage}</div>
    <div class="sr-only" id="host-status" aria-live="polite">${a.host}</div>
    <div class="sr-only" id="role-status" aria-live="polite">${a.role}</div>`;
}
