/** Keyboard habits shared by the room's side panels (chat, Q&A, participants, statistics). */

/** Escape anywhere in a side panel closes it, and goes no further (the room view would act on it too). */
export function escapeCloses(e: KeyboardEvent, close: () => void): void {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  e.stopPropagation();
  close();
}

/** Enter sends, Shift+Enter starts a new line; nothing while an input method is composing. */
export function enterSubmits(e: KeyboardEvent, submit: () => void): void {
  if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
  e.preventDefault();
  submit();
}
