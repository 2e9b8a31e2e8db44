import { CHAT_PANEL_PARTS } from '../chat-panel/chat-panel.parts.js';
import { PARTICIPANTS_PANEL_PARTS } from '../participants-panel/participants-panel.parts.js';
import { DEVICE_MENU_PARTS } from '../device-menu/device-menu.parts.js';
import { STATS_PANEL_PARTS } from '../stats-panel/stats-panel.parts.js';
import { QA_PANEL_PARTS } from '../qa-panel/qa-panel.parts.js';
import { STAGE_ROLE_PARTS } from './stage-role.js';
import { INVITE_PANEL_PARTS } from '../invite-panel/invite-panel.parts.js';
import { END_CALL_PARTS } from './end-call-parts.js';

/** The parts the room view renders itself. */
export const ROOM_OWN_PARTS = [
  'room', 'connection-status', 'audience-badge', 'rejoin-button', 'stage', 'grid', 'tile', 'avatar', 'tile-name',
  'muted-indicator', 'speaking-indicator', 'pager', 'prev-page', 'next-page', 'screen-share', 'strip',
  'screen-share-banner', 'stop-screen-share', 'controls', 'mic-toggle', 'camera-toggle', 'screen-share-toggle',
  'people-toggle', 'layout-toggle', 'pip-toggle', 'spotlight', 'pin-button', 'audience-notice', 'start-audio', 'leave-button', 'chat-toggle', 'chat-unread-badge',
  'hand-toggle', 'tile-hand', 'more-button', 'more-menu',
  // Devices and statistics: the tiles' quality mark, the statistics toggle.
  'connection-quality', 'stats-toggle',
  // Webinar Q&A: its toggle (the panel's parts are re-exported).
  'qa-toggle',
  'tile-host-mute', 'tile-role', ...STAGE_ROLE_PARTS,
  // Hosts: invite links (the panel's parts are re-exported) and "end for everyone".
  'invites-toggle', ...END_CALL_PARTS,
] as const;

/**
 * Every `part` the room view exposes, declared once (see pre-join.parts.ts): its own and those of the chat and
 * participants panels, the device menus and the statistics panel, which it re-exports. Kept out of room.component.ts
 * so the host can name them without loading the room view (a lazy chunk).
 */
export const ROOM_PARTS = [...ROOM_OWN_PARTS, ...CHAT_PANEL_PARTS, ...PARTICIPANTS_PANEL_PARTS, ...DEVICE_MENU_PARTS, ...STATS_PANEL_PARTS, ...QA_PANEL_PARTS, ...INVITE_PANEL_PARTS] as const;

/** The `exportparts` of the device menus and of the statistics panel inside the room view. */
export const DEVICE_MENU_EXPORTS = DEVICE_MENU_PARTS.join(', ');
export const STATS_PANEL_EXPORTS = STATS_PANEL_PARTS.join(', ');
export const QA_PANEL_EXPORTS = QA_PANEL_PARTS.join(', ');
export const INVITE_PANEL_EXPORTS = INVITE_PANEL_PARTS.join(', ');
