/**
 * Every `part` the room view renders, declared once (see pre-join.parts.ts). Kept out of room.component.ts so
 * the host can name them without loading the room view, which stays a lazy chunk.
 */
export const ROOM_PARTS = [
  'room', 'connection-status', 'audience-badge', 'rejoin-button', 'grid', 'tile', 'avatar', 'tile-name',
  'muted-indicator', 'speaking-indicator', 'pager', 'prev-page', 'next-page', 'controls', 'mic-toggle',
  'camera-toggle', 'audience-notice', 'start-audio', 'leave-button', 'participant-list',
] as const;
