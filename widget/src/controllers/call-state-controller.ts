import { INITIAL_CALL_STATE, type CallSessionLike, type CallState } from '../core/call-session.js';
import { SubscriptionController } from './subscription-controller.js';
import type { ReactiveControllerHost } from 'lit';

/** Subscribes its host to a call session's state; re-subscribes when the session object changes. */
export class CallStateController extends SubscriptionController<CallState, CallSessionLike> {
  constructor(host: ReactiveControllerHost) {
    super(host, INITIAL_CALL_STATE);
  }

  get state(): CallState {
    return this.value;
  }

  setSession(session: CallSessionLike | undefined): void {
    this.set(session);
  }
}
