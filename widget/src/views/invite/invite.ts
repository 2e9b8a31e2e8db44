import { UrbaniaInvite } from './invite.component.js';

export { UrbaniaInvite };

if (!customElements.get('urbania-invite')) customElements.define('urbania-invite', UrbaniaInvite);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-invite': UrbaniaInvite;
  }
}
