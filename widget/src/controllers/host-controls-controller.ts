import type { ReactiveControllerHost } from 'lit';
import { SubscriptionController } from './subscription-controller.js';
import type { HostControls, HostControlsState } from '../core/host-controls.js';

/** What a view needs from the host controls (lets tests pass a fake). */
export type HostControlsLike = Pick<HostControls, 'state' | 'subscribe' | 'mute' | 'remove' | 'promote' | 'demote' | 'lock' | 'unlock' | 'makeCoHost' | 'removeCoHost' | 'dismiss' | 'isPending' | 'createInvite' | 'revokeInvite' | 'end'>;

/**
 * Subscribes a view to the host controls' state and holds the view-side state of the host actions: whose removal
 * awaits confirmation.
 */
export class HostControlsController extends SubscriptionController<HostControlsState | undefined, HostControlsLike> {
  /** The identity whose "remove" asks for confirmation. */
  confirming: string | undefined;

  constructor(host: ReactiveControllerHost) {
    super(host, undefined);
  }

  get state(): HostControlsState | undefined {
    return this.value;
  }

  get api(): HostControlsLike | undefined {
    return this.source;
  }

  confirm(identity: string | undefined): void {
    this.confirming = identity;
    this.host.requestUpdate();
  }
}
