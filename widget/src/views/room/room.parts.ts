import { CHAT_PANEL_PARTS } from '../chat-panel/chat-panel.parts.js';
import { PARTICIPANTS_PANEL_PARTS } from '../participants-panel/participants-panel.parts.js';

/** The parts the room view renders itself. */
export const ROOM_OWN_PARTS = [
  'room', 'connection-status', 'audience-badge', 'rejoin-button', 'stage', 'grid', 'tile', 'avatar', 'tile-name',
  'muted-indicator', 'speaking-indicator', 'pager', 'prev-page', 'next-page', 'screen-share', 'strip',
  'screen-share-banner', 'stop-screen-share', 'controls', 'mic-toggle', 'camera-toggle', 'screen-share-toggle',
  'people-toggle', 'layout-toggle', 'pip-toggle', 'spotlight', 'pin-button', 'audience-notice', 'start-audio', 'leave-button', 'chat-toggle', 'chat-unread-badge',
  'hand-toggle', 'tile-hand',
] as const;

/**
 * Every `part` the room view exposes, declared once (see pre-join.parts.ts): its own and the chat and participants panels', which it
 * re-exports. Kept out of room.component.ts so the host can name them without loading the room view (a lazy chunk).
 */
export const ROOM_PARTS = [...ROOM_OWN_PARTS, ...CHAT_PANEL_PARTS, ...PARTICIPANTS_PANEL_PARTS] as const;
