import { LitElement } from 'lit';
import type { MuteSource } from '../core/service-client.js';
import type { HostControls, HostInvite, InviteOptions } from '../core/host-controls.js';

/**
 * The host actions of `<urbania-meeting>` (its public methods, documented in the Custom Elements Manifest as
 * inherited members), kept out of the element's file: each is one call of the element's host controls
 * (core/host-controls.ts, the same code as the in-call buttons) or of its waiting room (the lobby's decisions).
 */
export abstract class UrbaniaMeetingHostApi extends LitElement {
  /** The element's host controls (core/host-controls.ts). */
  protected abstract hostControls(): HostControls;
  /** Admit or refuse through the waiting room (controllers/lobby-controller.ts). */
  protected abstract decideKnock(identity: string, decision: 'admit' | 'refuse'): Promise<void>;
  /** The same rejection, with the code kept and the message in the element's language. */
  protected abstract localized<T>(p: Promise<T>): Promise<T>;

  // Host actions (the room's creator or a co-host), all through the token service (core/host-controls.ts): each
  // rejects with a `MeetingError` (`{ code, message }`, message localized): `not_in_call`, `host_only` (we do not
  // host the call: asked nothing; also the service's 403, e.g. a co-host acting on the creator), or the service's
  // code. (`makeCoHost()`/`removeCoHost()`, the creator's, reject `creator_only` instead of `host_only`.)

  /**
   * Host: mute a participant's `microphone`, `camera` or `screen_share` on the SFU (they may unmute themselves).
   * Rejects `not_in_call`, `host_only`, or the service's code (`participant_not_found`, `track_not_found`…).
   */
  muteParticipant(identity: string, source: MuteSource): Promise<void> {
    return this.localized(this.hostControls().mute(identity, source));
  }

  /** Host: remove a participant from the call (their widget says a host removed them). Rejects as `muteParticipant`. */
  removeParticipant(identity: string): Promise<void> {
    return this.localized(this.hostControls().remove(identity));
  }

  /** Host: lock the room (no new joins, even with an invite link). Rejects `not_in_call`, `host_only` or a service code. */
  lockRoom(): Promise<void> {
    return this.localized(this.hostControls().lock());
  }

  /** Host: unlock the room. Rejects `not_in_call`, `host_only` or a service code. */
  unlockRoom(): Promise<void> {
    return this.localized(this.hostControls().unlock());
  }

  /** Host, webinars: give an audience member the stage (they publish without rejoining). Rejects as `muteParticipant`. */
  promote(identity: string): Promise<void> {
    return this.localized(this.hostControls().promote(identity));
  }

  /** Host, webinars: move a speaker back to the audience (the SFU stops their publications). Rejects as `muteParticipant`. */
  demote(identity: string): Promise<void> {
    return this.localized(this.hostControls().demote(identity));
  }

  /** Host: let in someone waiting in the waiting room (their widget joins by itself). Rejects as `muteParticipant`. */
  admit(identity: string): Promise<void> {
    return this.localized(this.decideKnock(identity, 'admit'));
  }

  /** Host: refuse someone waiting in the waiting room (their widget says so). Rejects as `muteParticipant`. */
  refuse(identity: string): Promise<void> {
    return this.localized(this.decideKnock(identity, 'refuse'));
  }

  /**
   * Host: create an invite link for this room. `role` `participant` (default; a speaker in a webinar) or `audience`
   * (webinars only), `expiresInSeconds` (default 7 days), `maxUses` (different users; unlimited without it).
   * Resolves `{ invite, url, role, expiresAt, id, maxUses }` (`url`, the invite page with the secret, is shown once;
   * `id` revokes it). Rejects `not_in_call`, `host_only`, or the service's code (`invalid_request`, `room_ended`…).
   */
  createInvite(options: InviteOptions = {}): Promise<HostInvite> {
    return this.localized(this.hostControls().createInvite(options));
  }

  /** Host: revoke an invite link by its `id` (from `createInvite()`). Rejects `not_in_call`, `host_only`, `not_found`… */
  revokeInvite(id: string): Promise<void> {
    return this.localized(this.hostControls().revokeInvite(id));
  }

  /**
   * Host: end the call for everyone: the SFU disconnects every participant (each widget says a host ended it and
   * fires `urbania-left` with reason `room_deleted`) and the room refuses joins from then on (410 `room_ended`).
   * Rejects `not_in_call`, `host_only` or a service code.
   */
  endRoom(): Promise<void> {
    return this.localized(this.hostControls().end());
  }
}
