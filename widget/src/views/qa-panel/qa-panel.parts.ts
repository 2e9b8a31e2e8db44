/**
 * Every `part` the Q&A panel renders, declared once (see pre-join.parts.ts). The room view re-exports them, so pages
 * style them on the host: `urbania-meeting::part(qa-question)`.
 */
export const QA_PANEL_PARTS = [
  'qa-panel', 'qa-close', 'qa-list', 'qa-question', 'qa-text', 'qa-author', 'qa-vote', 'qa-answered', 'qa-mark-answered',
  'qa-delete', 'qa-form', 'qa-input', 'qa-ask', 'qa-error', 'qa-empty',
] as const;
