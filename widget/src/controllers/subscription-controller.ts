import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything with the core modules' `subscribe(listener) → unsubscribe` shape (CallSession, ChatLog, QaBoard…). */
export interface Subscribable<S> {
  subscribe(listener: (state: S) => void): () => void;
}

/**
 * Keeps its host subscribed to one source's state while the host is connected: `set(source)` switches sources
 * (re-subscribing when connected), each new state re-renders the host, and disconnecting unsubscribes.
 * `value` is `initial` until the source reports (and again when there is no source).
 */
export class SubscriptionController<S, T extends Subscribable<S> = Subscribable<S>> implements ReactiveController {
  value: S;
  private current: T | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    protected readonly host: ReactiveControllerHost,
    private readonly initial: S,
  ) {
    this.value = initial;
    host.addController(this);
  }

  /** The source subscribed to, if any. */
  get source(): T | undefined {
    return this.current;
  }

  set(source: T | undefined): void {
    if (source === this.current) return;
    this.current = source;
    if (this.connected) this.resubscribe();
  }

  private resubscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!this.current) {
      this.value = this.initial;
      this.host.requestUpdate();
      return;
    }
    this.unsubscribe = this.current.subscribe((s) => {
      this.value = s;
      this.host.requestUpdate();
    });
  }

  hostConnected(): void {
    this.connected = true;
    this.resubscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
