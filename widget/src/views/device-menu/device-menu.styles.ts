import { css } from 'lit';

/**
 * The chevron sits against its toggle in the control bar; the menu opens above the bar, centred on it (the bar is its
 * containing block), so it fits a 360 px element whichever chevron opened it.
 */
export default css`
  :host { display: inline-block; }
  [part~='device-menu-toggle'] {
    display: inline-grid; place-items: center; width: 1.75rem; height: 3rem; min-height: 0; padding: 0;
    margin-inline-start: -0.4rem; border: 0; border-radius: 999px;
    background: var(--_u-control, #3c4043); color: var(--_u-control-text, #ffffff);
  }
  [part~='device-menu-toggle']:hover { filter: brightness(1.15); }
  [part~='device-menu-toggle'][aria-expanded='true'] { background: var(--_u-stage-accent, #8ab4f8); color: #0b1f3a; }
  [part~='device-menu-toggle'] svg { width: 1.25rem; height: 1.25rem; }
  /* The control bar's tooltip (room.styles.ts), on hover and keyboard focus, hidden while the menu is open. */
  [part~='device-menu-toggle'] { position: relative; }
  [part~='device-menu-toggle']::after {
    content: attr(data-tip);
    position: absolute; bottom: calc(100% + 0.5rem); left: 50%; transform: translateX(-50%);
    padding: 0.25rem 0.5rem; border-radius: 4px; white-space: nowrap; pointer-events: none;
    font-size: 0.75rem; font-weight: 400; background: #e8eaed; color: #202124;
    opacity: 0; transition: opacity 0.12s 0.3s; z-index: 2;
  }
  [part~='device-menu-toggle']:hover::after, [part~='device-menu-toggle']:focus-visible::after { opacity: 1; }
  [part~='device-menu-toggle'][aria-expanded='true']::after { opacity: 0; }
  [part~='device-menu'] {
    position: absolute; bottom: calc(100% + 0.25rem); left: 50%; transform: translateX(-50%); z-index: 5;
    width: min(20rem, calc(100% - 1rem)); max-height: 60vh; overflow-y: auto;
    padding: 0.35rem 0; border-radius: var(--_u-radius, 8px);
    background: var(--_u-background, #1f2125); color: var(--_u-text, #f8fafc);
    border: 1px solid var(--_u-border, #5f6368); box-shadow: 0 6px 24px rgba(0, 0, 0, 0.45);
  }
  .title { padding: 0.35rem 0.9rem 0.2rem; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--_u-text-muted, #c4c7cc); }
  [part~='device-option'] {
    display: flex; gap: 0.5rem; align-items: center; width: 100%; min-height: 2.5rem; padding: 0.35rem 0.9rem;
    border: 0; border-radius: 0; background: transparent; color: inherit; font: inherit; text-align: start;
  }
  [part~='device-option']:hover, [part~='device-option']:focus-visible { background: var(--_u-surface, #3c4043); }
  [part~='device-option']:focus-visible { outline: 2px solid var(--_u-focus, #8ab4f8); outline-offset: -2px; }
  .check { flex: none; width: 1.1rem; visibility: hidden; color: var(--_u-stage-accent, #8ab4f8); }
  [aria-checked='true'] .check { visibility: visible; }
  .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .empty { padding: 0.35rem 0.9rem; font-size: 0.9rem; color: var(--_u-text-muted, #c4c7cc); }
`;
