import { UrbaniaDeviceMenu } from './device-menu.component.js';

export { UrbaniaDeviceMenu };

if (!customElements.get('urbania-device-menu')) customElements.define('urbania-device-menu', UrbaniaDeviceMenu);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-device-menu': UrbaniaDeviceMenu;
  }
}
