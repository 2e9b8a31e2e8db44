import { UrbaniaRoom } from './room.component.js';

export { UrbaniaRoom };

if (!customElements.get('urbania-room')) customElements.define('urbania-room', UrbaniaRoom);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-room': UrbaniaRoom;
  }
}
