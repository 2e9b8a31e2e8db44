import { css } from 'lit';

/**
 * The frame of the call's side panels (chat, statistics, Q&A, invite links): an `<aside>` filling the room's side
 * column, with a `<header>` (title and close button) above its content. Each panel adds its grid rows and content.
 */
export const sidePanelStyles = css`
  :host { display: block; min-height: 0; }
  aside {
    display: grid; height: 100%; min-height: 0;
    background: var(--_u-background, #ffffff); color: var(--_u-text, #111827);
    border: 1px solid var(--_u-border, #6b7280); border-radius: var(--_u-radius, 8px); overflow: hidden;
  }
  header {
    display: flex; align-items: center; justify-content: space-between; gap: 0.5rem;
    padding: 0.25rem 0.25rem 0.25rem 0.75rem; border-bottom: 1px solid var(--_u-border, #6b7280); background: var(--_u-surface, #f3f4f6);
  }
  header h3 { margin: 0; }
`;
