import { UrbaniaInvitePanel } from './invite-panel.component.js';

export { UrbaniaInvitePanel };

if (!customElements.get('urbania-invite-panel')) customElements.define('urbania-invite-panel', UrbaniaInvitePanel);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-invite-panel': UrbaniaInvitePanel;
  }
}
