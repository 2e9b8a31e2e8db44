import { css } from 'lit';

/** Shared by every view: tokens come from the host (`--_u-*`, set from `--urbania-*` by <urbania-meeting>). */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_u-text, #111827);
    font-family: var(--_u-font, system-ui, sans-serif);
  }
  *, *::before, *::after { box-sizing: inherit; }
  [hidden] { display: none !important; }
  h2, h3 { margin: 0 0 0.75rem; line-height: 1.25; }
  h2 { font-size: 1.25rem; }
  h3 { font-size: 1rem; }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_u-radius, 8px);
    border: 1px solid var(--_u-border, #6b7280);
    background: var(--_u-surface, #f3f4f6);
    color: var(--_u-text, #111827);
    padding: 0.5rem 0.9rem;
    min-height: 2.5rem;
  }
  button:disabled { cursor: not-allowed; opacity: 0.7; }
  button.primary {
    background: var(--_u-accent, #1d4ed8);
    border-color: var(--_u-accent, #1d4ed8);
    color: var(--_u-accent-text, #ffffff);
    font-weight: 600;
  }
  button.danger {
    background: var(--_u-danger, #b91c1c);
    border-color: var(--_u-danger, #b91c1c);
    color: #ffffff;
    font-weight: 600;
  }
  input, select {
    font: inherit;
    color: var(--_u-text, #111827);
    background: var(--_u-background, #ffffff);
    border: 1px solid var(--_u-border, #6b7280);
    border-radius: calc(var(--_u-radius, 8px) / 2);
    padding: 0.4rem 0.5rem;
    min-height: 2.25rem;
  }
  input[type='checkbox'] { min-height: 0; accent-color: var(--_u-accent, #1d4ed8); width: 1.1rem; height: 1.1rem; }
  :focus-visible {
    outline: 3px solid var(--_u-focus, #f59e0b);
    outline-offset: 2px;
  }
  .muted-text { color: var(--_u-text-muted, #4b5563); }
  .sr-only {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
  }
`;
