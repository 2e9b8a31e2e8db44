/** Every `part` the invite view renders, declared once (see pre-join.parts.ts). */
export const INVITE_PARTS = ['invite', 'invite-info', 'join-button'] as const;
