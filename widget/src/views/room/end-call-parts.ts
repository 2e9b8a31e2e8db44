/** The parts of the host's "end for everyone" (end-call.ts), kept apart so the entry can name them without the code. */
export const END_CALL_PARTS = ['end-call-button', 'end-call-dialog', 'end-call-confirm', 'end-call-cancel', 'end-call-error'] as const;
