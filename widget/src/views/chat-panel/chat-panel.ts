import { UrbaniaChatPanel } from './chat-panel.component.js';

export { UrbaniaChatPanel };

if (!customElements.get('urbania-chat-panel')) customElements.define('urbania-chat-panel', UrbaniaChatPanel);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-chat-panel': UrbaniaChatPanel;
  }
}
