import { UrbaniaRoom } from './room.component.js';

export { UrbaniaRoom };
// The host's stage settings and picture-in-picture come with the room view's chunk, not the entry.
export { StageControl } from '../../core/speaker-focus.js';
export { PipController } from '../../controllers/pip-controller.js';

if (!customElements.get('urbania-room')) customElements.define('urbania-room', UrbaniaRoom);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-room': UrbaniaRoom;
  }
}
