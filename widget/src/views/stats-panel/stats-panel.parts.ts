/**
 * Every `part` the statistics panel renders, declared once (see pre-join.parts.ts). The room view re-exports them,
 * so pages style them on the host: `urbania-meeting::part(stats-track)`.
 */
export const STATS_PANEL_PARTS = [
  'stats-panel', 'stats-close', 'stats-section', 'stats-track', 'stats-figures', 'stats-empty',
] as const;
