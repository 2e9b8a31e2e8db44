/**
 * Every `part` the invite-links panel renders, declared once (see pre-join.parts.ts). The room view re-exports them,
 * so pages style them on the host: `urbania-meeting::part(invites-url)`.
 */
export const INVITE_PANEL_PARTS = [
  'invites-panel', 'invites-close', 'invites-role', 'invites-create', 'invites-url', 'invites-copy', 'invites-copy-status',
  'invites-list', 'invites-item', 'invites-item-copy', 'invites-revoke', 'invites-error',
] as const;
