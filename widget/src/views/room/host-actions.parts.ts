/**
 * The part names of the host's templates (host-actions.ts) and of who-is-who (role-marks.ts), apart from the
 * templates: the parts lists are imported by the CDN entry (the host names every part), the templates belong to the
 * room chunk; a parts list in a template module would pull the whole module into the entry.
 */

/** Every part the participants panel's host templates render (the tile's is the room's `tile-host-mute`). */
export const HOST_ACTION_PARTS = [
  'host-actions', 'host-mute-microphone', 'host-mute-camera', 'host-mute-screen-share', 'host-promote', 'host-demote',
  'host-remove', 'host-remove-confirm', 'host-remove-cancel', 'host-lock-toggle', 'host-error',
] as const;

/** The parts the participants panel renders from role-marks.ts (the tile's mark is the room's `tile-role`). */
export const ROLE_PARTS = ['participant-role', 'host-make-co-host', 'host-remove-co-host'] as const;
