import { css, type CSSResult } from 'lit';

// The public `--urbania-*` theme tokens read into private `--_u-*` ones, for both public elements
// (<urbania-meeting> and <urbania-call-notifier>); each element adds the tokens only it uses.
const lightTokens = css`
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
`;

const darkTokens = css`
  --_u-background: var(--urbania-background, #111827);
  --_u-surface: var(--urbania-surface, #1f2937);
  --_u-text: var(--urbania-text, #f9fafb);
  --_u-text-muted: var(--urbania-text-muted, #d1d5db);
  --_u-border: var(--urbania-border, #9ca3af);
  --_u-accent: var(--urbania-accent, #2563eb);
  --_u-focus: var(--urbania-focus-ring, #fb923c);
  color-scheme: dark;
`;

/**
 * The host's theme tokens: light by default, dark with theme="dark" or, when no theme is set, the system's dark
 * scheme. `light` and `dark` are the element's own extra tokens for each palette.
 */
export function themeTokens(light = css``, dark = css``): CSSResult {
  return css`
    :host {
      ${lightTokens}
      ${light}
    }
    :host([theme='dark']) {
      ${darkTokens}
      ${dark}
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${darkTokens}
        ${dark}
      }
    }
  `;
}
