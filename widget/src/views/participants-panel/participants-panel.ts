import { UrbaniaParticipantsPanel } from './participants-panel.component.js';

export { UrbaniaParticipantsPanel };

if (!customElements.get('urbania-participants-panel')) customElements.define('urbania-participants-panel', UrbaniaParticipantsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-participants-panel': UrbaniaParticipantsPanel;
  }
}
