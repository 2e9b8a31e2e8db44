import { css } from 'lit';
import { sidePanelStyles } from '../../styles/side-panel.styles.js';

export default css`
  ${sidePanelStyles}
  aside { grid-template-rows: auto 1fr auto auto; }
  [part~='qa-close'] { min-height: 2.25rem; min-width: 2.25rem; padding: 0 0.5rem; font-size: 1.2rem; line-height: 1; }
  .list { overflow-y: auto; min-height: 0; padding: 0.5rem 0.75rem; }
  ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.6rem; }
  [part~='qa-question'] {
    display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.6rem; align-items: start;
    padding: 0.4rem 0.5rem; border-radius: var(--_u-radius, 8px); background: var(--_u-surface, #f3f4f6);
  }
  [part~='qa-vote'] { grid-row: span 3; min-width: 2.75rem; min-height: 2.75rem; display: grid; place-items: center; font-weight: 600; }
  [part~='qa-vote'][aria-pressed='true'] { background: var(--_u-accent, #1d4ed8); color: var(--_u-accent-text, #ffffff); }
  [part~='qa-text'] { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .meta { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; font-size: 0.8rem; }
  [part~='qa-answered'] { font-weight: 600; color: inherit; }
  [part~='qa-answered']::before { content: '✓ '; }
  .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; }
  .actions button { font-size: 0.8rem; min-height: 2rem; }
  [part~='qa-empty'] { margin: 1rem 0; text-align: center; font-size: 0.9rem; }
  form { display: flex; gap: 0.4rem; align-items: flex-end; padding: 0.5rem; border-top: 1px solid var(--_u-border, #6b7280); }
  textarea {
    flex: 1; min-width: 0; resize: none; font: inherit; color: var(--_u-text, #111827); background: var(--_u-background, #ffffff);
    border: 1px solid var(--_u-border, #6b7280); border-radius: calc(var(--_u-radius, 8px) / 2); padding: 0.4rem 0.5rem;
  }
  [part~='qa-error'] {
    margin: 0 0.5rem 0.5rem; padding: 0.3rem 0.5rem; font-size: 0.9rem;
    color: var(--_u-danger-text, #7f1d1d); background: var(--_u-danger-surface, #fee2e2); border-radius: 4px;
  }
`;
