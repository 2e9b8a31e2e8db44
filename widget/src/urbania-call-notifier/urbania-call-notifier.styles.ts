import { css } from 'lit';

// The same `--urbania-*` tokens as <urbania-meeting>, read into private `--_u-*` ones.
const darkPalette = css`
  --_u-background: var(--urbania-background, #111827);
  --_u-surface: var(--urbania-surface, #1f2937);
  --_u-text: var(--urbania-text, #f9fafb);
  --_u-text-muted: var(--urbania-text-muted, #d1d5db);
  --_u-border: var(--urbania-border, #9ca3af);
  --_u-accent: var(--urbania-accent, #2563eb);
  --_u-focus: var(--urbania-focus-ring, #fb923c);
  color-scheme: dark;
`;

export default css`
  :host {
    display: inline-block;
    --_u-background: var(--urbania-background, #ffffff);
    --_u-surface: var(--urbania-surface, #f3f4f6);
    --_u-text: var(--urbania-text, #111827);
    --_u-text-muted: var(--urbania-text-muted, #4b5563);
    --_u-border: var(--urbania-border, #6b7280);
    --_u-accent: var(--urbania-accent, #1d4ed8);
    --_u-accent-text: var(--urbania-accent-text, #ffffff);
    --_u-danger: var(--urbania-danger, #b91c1c);
    --_u-focus: var(--urbania-focus-ring, #c2410c);
    --_u-radius: var(--urbania-radius, 8px);
    --_u-font: var(--urbania-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_u-font);
    color: var(--_u-text);
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  [part='call'] {
    position: fixed;
    inset-block-end: var(--urbania-notifier-offset, 1rem);
    inset-inline-end: var(--urbania-notifier-offset, 1rem);
    z-index: var(--urbania-notifier-z-index, 2147483000);
    width: min(22rem, calc(100vw - 2rem));
    box-sizing: border-box;
    padding: 1rem;
    display: grid;
    gap: 0.5rem;
    background: var(--_u-background);
    color: var(--_u-text);
    border: 1px solid var(--_u-border);
    border-radius: calc(var(--_u-radius) * 1.5);
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.25);
    animation: urbania-ring-in 160ms ease-out;
  }
  [part='call-title'] { margin: 0; font-weight: 700; font-size: 1.05rem; }
  [part='call-caller'] { margin: 0; color: var(--_u-text-muted); overflow-wrap: anywhere; }
  [part='call-actions'] { display: flex; gap: 0.5rem; justify-content: flex-end; margin-top: 0.25rem; }
  [part='notice'] { margin: 0.25rem 0 0; font-size: 0.875rem; color: var(--_u-text-muted); }
  @keyframes urbania-ring-in {
    from { transform: translateY(0.5rem); opacity: 0; }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='call'] { animation: none; }
  }
`;
