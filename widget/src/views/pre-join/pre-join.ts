import { UrbaniaPreJoin } from './pre-join.component.js';

export { UrbaniaPreJoin };
export type { PreJoinSubmitDetail, PreJoinCallType, Contact } from './pre-join.component.js';

if (!customElements.get('urbania-pre-join')) customElements.define('urbania-pre-join', UrbaniaPreJoin);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-pre-join': UrbaniaPreJoin;
  }
}
