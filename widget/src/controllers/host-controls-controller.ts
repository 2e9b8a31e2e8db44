import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostControls, HostControlsState } from '../core/host-controls.js';

/** What a view needs from the host controls (lets tests pass a fake). */
export type HostControlsLike = Pick<HostControls, 'state' | 'subscribe' | 'mute' | 'remove' | 'promote' | 'demote' | 'lock' | 'unlock' | 'dismiss' | 'isPending'>;

/**
 * Subscribes a view to the host controls' state and holds the view-side state of the host actions: whose removal
 * awaits confirmation.
 */
export class HostControlsController implements ReactiveController {
  state: HostControlsState | undefined;
  /** The identity whose "remove" asks for confirmation. */
  confirming: string | undefined;
  private controls: HostControlsLike | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get api(): HostControlsLike | undefined { return this.controls; }

  set(controls: HostControlsLike | undefined): void {
    if (controls === this.controls) return;
    this.controls = controls;
    if (this.connected) this.resubscribe();
  }

  confirm(identity: string | undefined): void {
    this.confirming = identity;
    this.host.requestUpdate();
  }

  private resubscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.controls?.subscribe((s) => {
      this.state = s;
      this.host.requestUpdate();
    });
    if (!this.controls) this.state = undefined;
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
