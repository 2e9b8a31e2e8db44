import { css } from 'lit';
import { sidePanelStyles } from '../../styles/side-panel.styles.js';

export default css`
  ${sidePanelStyles}
  aside { grid-template-rows: auto 1fr; }
  header h3 { font-size: 1rem; }
  [part~='stats-close'] { min-height: 2.25rem; min-width: 2.25rem; padding: 0 0.5rem; font-size: 1.2rem; line-height: 1; }
  .body { overflow-y: auto; min-height: 0; padding: 0.5rem 0.75rem; display: grid; gap: 0.75rem; align-content: start; }
  h4 { margin: 0 0 0.35rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--_u-text-muted, #4b5563); }
  [part~='stats-track'] {
    padding: 0.5rem 0.6rem; border-radius: calc(var(--_u-radius, 8px) / 1.5);
    background: var(--_u-surface, #f3f4f6); margin-bottom: 0.5rem;
  }
  h5 { margin: 0 0 0.3rem; font-size: 0.9rem; font-weight: 600; overflow-wrap: anywhere; }
  dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0.15rem 0.75rem; font-size: 0.85rem; }
  dt { color: var(--_u-text-muted, #4b5563); }
  dd { margin: 0; font-variant-numeric: tabular-nums; text-align: end; }
  [part~='stats-empty'] { margin: 1rem 0; text-align: center; font-size: 0.9rem; color: var(--_u-text-muted, #4b5563); }
`;
