import { css } from 'lit';
import { sidePanelStyles } from '../../styles/side-panel.styles.js';

export default css`
  ${sidePanelStyles}
  aside { grid-template-rows: auto 1fr auto auto; }
  [part~='chat-close'] { min-height: 2.25rem; min-width: 2.25rem; padding: 0 0.5rem; font-size: 1.2rem; line-height: 1; }
  .messages { overflow-y: auto; min-height: 0; padding: 0.5rem 0.75rem; }
  ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.6rem; }
  .empty { margin: 1rem 0; text-align: center; font-size: 0.9rem; }
  [part~='chat-message'] { display: grid; gap: 0.1rem; max-width: 92%; }
  [part~='chat-message'][data-local='true'] { align-self: flex-end; text-align: end; }
  .meta { display: flex; gap: 0.4rem; align-items: baseline; font-size: 0.8rem; }
  [part~='chat-message'][data-local='true'] .meta { justify-content: flex-end; }
  [part~='chat-author'] { font-weight: 600; }
  [part~='chat-time'] { color: var(--_u-text-muted, #4b5563); }
  [part~='chat-text'] {
    margin: 0; padding: 0.4rem 0.6rem; border-radius: var(--_u-radius, 8px);
    background: var(--_u-surface, #f3f4f6); white-space: pre-wrap; overflow-wrap: anywhere; text-align: start;
  }
  [part~='chat-message'][data-local='true'] [part~='chat-text'] {
    background: var(--_u-accent, #1d4ed8); color: var(--_u-accent-text, #ffffff);
  }
  [part~='chat-earlier'] {
    align-self: stretch; text-align: center; font-size: 0.8rem; padding-bottom: 0.3rem;
    border-bottom: 1px solid var(--_u-border, #6b7280);
  }
  /* The first live message after the earlier ones. */
  [data-earlier='true'] + [part~='chat-message']:not([data-earlier]) { border-top: 1px dashed var(--_u-border, #6b7280); padding-top: 0.6rem; max-width: none; }
  [part~='chat-link'] { color: inherit; text-decoration: underline; }
  form { display: flex; gap: 0.4rem; align-items: flex-end; padding: 0.5rem; border-top: 1px solid var(--_u-border, #6b7280); }
  textarea {
    flex: 1; min-width: 0; resize: none; font: inherit;
    color: var(--_u-text, #111827); background: var(--_u-background, #ffffff);
    border: 1px solid var(--_u-border, #6b7280); border-radius: calc(var(--_u-radius, 8px) / 2); padding: 0.4rem 0.5rem;
  }
  [part~='chat-error'] {
    margin: 0 0.5rem 0.5rem; padding: 0.3rem 0.5rem; font-size: 0.9rem;
    color: var(--_u-danger-text, #7f1d1d); background: var(--_u-danger-surface, #fee2e2); border-radius: 4px;
  }
  [part~='chat-readonly'] { margin: 0; padding: 0.6rem 0.75rem; font-size: 0.9rem; border-top: 1px solid var(--_u-border, #6b7280); }
`;
