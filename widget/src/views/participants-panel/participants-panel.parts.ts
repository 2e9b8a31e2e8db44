import { HOST_ACTION_PARTS, ROLE_PARTS } from '../room/host-actions.parts.js';

/**
 * Every `part` the participants panel renders, declared once (see pre-join.parts.ts). The room view re-exports them,
 * so pages style them on the host: `urbania-meeting::part(raised-hand)`.
 */
export const PARTICIPANTS_PANEL_PARTS = [
  'participants-panel', 'participants-close', 'raised-hands', 'raised-hand', 'lower-hand-button', 'participant-list',
  'participant', 'hand-indicator', ...HOST_ACTION_PARTS, ...ROLE_PARTS,
] as const;
