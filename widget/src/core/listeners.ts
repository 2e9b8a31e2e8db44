/**
 * The callbacks of one kind that a core object calls (state subscribers, event listeners). One that throws never
 * stops the others: its error goes to the console. Shared by CallSession, MeetingFlow and ChatLog.
 */
export class Listeners<T> {
  private readonly fns = new Set<(value: T) => void>();

  /** Adds `fn`; returns the function that removes it. */
  add(fn: (value: T) => void): () => void {
    this.fns.add(fn);
    return () => {
      this.fns.delete(fn);
    };
  }

  emit(value: T): void {
    for (const fn of [...this.fns]) {
      try {
        fn(value);
      } catch (err) {
        console.error('[urbania-meeting]', err);
      }
    }
  }
}
