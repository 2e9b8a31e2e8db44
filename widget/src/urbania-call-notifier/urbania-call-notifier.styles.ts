import { css } from 'lit';
import { themeTokens } from '../styles/theme-tokens.styles.js';

export default css`
  ${themeTokens()}
  :host {
    display: inline-block;
    font-family: var(--_u-font);
    color: var(--_u-text);
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
