import { UrbaniaMeeting } from './urbania-meeting.component.js';

export { UrbaniaMeeting };
export default UrbaniaMeeting;

if (!customElements.get('urbania-meeting')) customElements.define('urbania-meeting', UrbaniaMeeting);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-meeting': UrbaniaMeeting;
  }
}
