/** Every `part` <urbania-call-notifier> renders, declared once (its parts test checks documented = rendered). */
export const CALL_NOTIFIER_PARTS = [
  'call',
  'call-title',
  'call-caller',
  'call-actions',
  'accept-button',
  'decline-button',
  'enable-notifications',
  'notice',
  'announcer',
] as const;
