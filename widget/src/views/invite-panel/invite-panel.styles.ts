import { css } from 'lit';
import { sidePanelStyles } from '../../styles/side-panel.styles.js';

export default css`
  ${sidePanelStyles}
  aside { grid-template-rows: auto 1fr; }
  [part~='invites-close'] { min-height: 2.25rem; min-width: 2.25rem; padding: 0 0.5rem; font-size: 1.2rem; line-height: 1; }
  .body { overflow-y: auto; min-height: 0; padding: 0.5rem 0.75rem; display: grid; gap: 0.75rem; align-content: start; }
  form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
  label { display: grid; gap: 0.2rem; font-size: 0.9rem; }
  select, input {
    font: inherit; color: var(--_u-text, #111827); background: var(--_u-background, #ffffff); min-height: 2.25rem;
    border: 1px solid var(--_u-border, #6b7280); border-radius: calc(var(--_u-radius, 8px) / 2); padding: 0.2rem 0.4rem;
  }
  .link { display: grid; gap: 0.3rem; }
  .copy { display: flex; gap: 0.4rem; }
  [part~='invites-url'] { flex: 1; min-width: 0; font-size: 0.85rem; }
  [part~='invites-copy-status'] { margin: 0; font-size: 0.85rem; }
  h4 { margin: 0; font-size: 0.95rem; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
  [part~='invites-item'] {
    display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; justify-content: space-between;
    padding: 0.35rem 0.5rem; border-radius: var(--_u-radius, 8px); background: var(--_u-surface, #f3f4f6); font-size: 0.85rem;
  }
  [part~='invites-revoke'], [part~='invites-item-copy'] { font-size: 0.8rem; min-height: 2rem; }
  [part~='invites-item'] > span { flex: 1; }
  [part~='invites-error'] {
    margin: 0; padding: 0.3rem 0.5rem; font-size: 0.9rem;
    color: var(--_u-danger-text, #7f1d1d); background: var(--_u-danger-surface, #fee2e2); border-radius: 4px;
  }
`;
