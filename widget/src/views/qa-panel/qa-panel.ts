import { UrbaniaQaPanel } from './qa-panel.component.js';

export { UrbaniaQaPanel };

if (!customElements.get('urbania-qa-panel')) customElements.define('urbania-qa-panel', UrbaniaQaPanel);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-qa-panel': UrbaniaQaPanel;
  }
}
