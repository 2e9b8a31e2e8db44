/**
 * Every `part` the chat panel renders, declared once (see pre-join.parts.ts). The room view re-exports them, so
 * pages style them on the host like every other part: `urbania-meeting::part(chat-message)`.
 */
export const CHAT_PANEL_PARTS = [
  'chat-panel', 'chat-close', 'chat-messages', 'chat-earlier', 'chat-message', 'chat-author', 'chat-time', 'chat-text', 'chat-link',
  'chat-form', 'chat-input', 'chat-send', 'chat-error', 'chat-readonly',
] as const;
