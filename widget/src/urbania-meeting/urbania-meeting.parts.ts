/**
 * The `part` names of <urbania-meeting>: its own, and each view's (declared once in the view's `.parts.ts`) that it
 * re-exports with `exportparts`, so pages can style any of them with `urbania-meeting::part(name)`.
 * urbania-meeting.parts.test.ts checks documented (`@csspart`, Custom Elements Manifest) = exported = rendered.
 */
import { PREJOIN_PARTS } from '../views/pre-join/pre-join.parts.js';
import { INVITE_PARTS } from '../views/invite/invite.parts.js';
import { ROOM_PARTS } from '../views/room/room.parts.js';
import { CHAT_PANEL_PARTS } from '../views/chat-panel/chat-panel.parts.js';
import { PARTICIPANTS_PANEL_PARTS } from '../views/participants-panel/participants-panel.parts.js';
import { DEVICE_MENU_PARTS } from '../views/device-menu/device-menu.parts.js';
import { STATS_PANEL_PARTS } from '../views/stats-panel/stats-panel.parts.js';
import { QA_PANEL_PARTS } from '../views/qa-panel/qa-panel.parts.js';
import { INVITE_PANEL_PARTS } from '../views/invite-panel/invite-panel.parts.js';

/** Parts rendered by the host itself. */
export const HOST_PARTS = [
  'error', 'left', 'rejoin-button', 'announcer', 'pip-placeholder', 'pip-return',
  'waiting', 'lobby', 'lobby-knock', 'admit-button', 'refuse-button',
] as const;

/** The `exportparts` value for a view. */
export const exportParts = (parts: readonly string[]): string => parts.join(', ');

/** Each internal element's parts (the room view's include those of the chat and participants panels inside it, which it re-exports). */
export const VIEW_PARTS = {
  'urbania-pre-join': PREJOIN_PARTS, 'urbania-invite': INVITE_PARTS, 'urbania-room': ROOM_PARTS, 'urbania-chat-panel': CHAT_PANEL_PARTS,
  'urbania-participants-panel': PARTICIPANTS_PANEL_PARTS,
  'urbania-device-menu': DEVICE_MENU_PARTS, 'urbania-stats-panel': STATS_PANEL_PARTS, 'urbania-qa-panel': QA_PANEL_PARTS,
  'urbania-invite-panel': INVITE_PANEL_PARTS,
} as const;

/** Every part a page can reach on the host. */
export const ALL_PARTS: readonly string[] = [...new Set<string>([...HOST_PARTS, ...PREJOIN_PARTS, ...INVITE_PARTS, ...ROOM_PARTS])];
