import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { INITIAL_CALL_STATE, type CallSessionLike, type CallState } from '../core/call-session.js';

/** Subscribes its host to a call session's state; re-subscribes when the session object changes. */
export class CallStateController implements ReactiveController {
  state: CallState = INITIAL_CALL_STATE;
  private session: CallSessionLike | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setSession(session: CallSessionLike | undefined): void {
    if (session === this.session) return;
    this.session = session;
    if (this.connected) this.resubscribe();
  }

  private resubscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!this.session) {
      this.state = INITIAL_CALL_STATE;
      this.host.requestUpdate();
      return;
    }
    this.unsubscribe = this.session.subscribe((s) => {
      this.state = s;
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
