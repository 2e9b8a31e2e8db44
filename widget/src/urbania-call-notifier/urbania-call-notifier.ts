import { UrbaniaCallNotifier } from './urbania-call-notifier.component.js';

export { UrbaniaCallNotifier };
export default UrbaniaCallNotifier;

if (!customElements.get('urbania-call-notifier')) customElements.define('urbania-call-notifier', UrbaniaCallNotifier);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-call-notifier': UrbaniaCallNotifier;
  }
}
