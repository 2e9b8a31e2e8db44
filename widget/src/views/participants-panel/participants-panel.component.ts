import { LitElement, html, nothing } from 'lit';
import { escapeCloses } from '../panel-keys.js';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { portableRenderRoot } from '../../styles/adopt-styles.js';
import styles from './participants-panel.styles.js';
import { translator, type Locale } from '../../i18n/room.js';
import type { ParticipantView } from '../../core/call-session.js';
import { orderedHands } from '../../core/hands.js';
import { icons } from '../room/icons.js';
import { HostControlsController, type HostControlsLike } from '../../controllers/host-controls-controller.js';
import { hostActionStyles, renderHandPromote, renderHostActions, renderHostBar } from '../room/host-actions.js';
import { renderCoHostAction, renderRoleMark, roleMarkStyles } from '../room/role-marks.js';

declare global {
  interface HTMLElementEventMap {
    /** Lower this participant's hand (`detail`: identity; ours, or anyone's for the host). */
    'participants-lower-hand': CustomEvent<string>;
    'participants-close': CustomEvent<void>;
  }
}

/**
 * Internal participants panel of the room view: the raised hands first, in the order they went up (with a "lower"
 * button on our own, and on everyone's for the host), then everyone in the call with their marks. Escape or the
 * close button fires `participants-close`; a lower button fires `participants-lower-hand` with the identity.
 *
 * @csspart participants-panel - The panel container.
 * @csspart participants-close - Close button.
 * @csspart raised-hands - The ordered list of raised hands (only while a hand is up).
 * @csspart raised-hand - One raised hand (`data-identity`, `data-position`: 1 for the first hand up).
 * @csspart lower-hand-button - Lowers that hand (ours; anyone's for the host, through the service).
 * @csspart participant-list - Everyone in the call.
 * @csspart participant - One participant (`data-identity`, `data-hand` when the hand is up).
 * @csspart hand-indicator - The raised-hand mark next to a participant.
 * @csspart host-actions - The host's actions on one participant (host only).
 * @csspart host-mute-microphone - Host: mutes the participant's microphone.
 * @csspart host-mute-camera - Host: turns the participant's camera off.
 * @csspart host-mute-screen-share - Host: stops the participant's screen share.
 * @csspart host-promote - Host, webinars: invites an audience member to speak (also next to a raised hand).
 * @csspart host-demote - Host, webinars: moves a speaker back to the audience.
 * @csspart host-remove - Host: removes the participant (asks for confirmation first).
 * @csspart host-remove-confirm - Host: confirms the removal.
 * @csspart host-remove-cancel - Host: cancels the removal.
 * @csspart host-lock-toggle - Host: locks / unlocks the room (`aria-pressed`).
 * @csspart host-error - Host: why the last host action failed.
 * @csspart participant-role - "hôte", "co-hôte" or "invité" (came by an invite link or the open link) next to a name (`data-role` `host` | `co-host` | `guest`; the tooltip says what it means).
 * @csspart host-make-co-host - The room's creator: makes the participant a co-host.
 * @csspart host-remove-co-host - The room's creator: takes co-hosting back.
 */
export class UrbaniaParticipantsPanel extends LitElement {
  static override styles = [sharedStyles, styles, hostActionStyles, roleMarkStyles];

  /** Styled in whichever document it is in (opened while the call is in a picture-in-picture window). */
  protected override createRenderRoot(): ShadowRoot {
    return portableRenderRoot(this);
  }

  @property() locale: Locale = 'fr';
  @property({ attribute: false }) participants: readonly ParticipantView[] = [];
  /** We created the room: we may lower anyone's hand. */
  @property({ type: Boolean }) host = false;
  /** The host's controls (mute, remove, stage, lock): rendered for the host only. */
  @property({ attribute: false }) hostControls: HostControlsLike | undefined;
  private readonly hostCtl = new HostControlsController(this);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('hostControls')) this.hostCtl.set(this.hostControls);
  }

  /** Puts the keyboard on the first lower-hand button, else on the close button. */
  override focus(): void {
    void this.updateComplete.then(() => {
      (this.renderRoot.querySelector<HTMLElement>('[part~="lower-hand-button"]') ?? this.renderRoot.querySelector<HTMLElement>('[part~="participants-close"]'))?.focus();
    });
  }

  private lower(identity: string): void {
    this.dispatchEvent(new CustomEvent('participants-lower-hand', { detail: identity, bubbles: true }));
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('participants-close', { bubbles: true }));
  }

  private onKeydown(e: KeyboardEvent): void {
    escapeCloses(e, () => this.close());
  }

  protected override render() {
    const t = translator(this.locale);
    const hands = orderedHands(this.participants);
    const name = (p: { name: string; isLocal: boolean }) => (p.isLocal ? t('room.you', { name: p.name }) : p.name);
    return html`<aside part="participants-panel" lang=${this.locale} aria-labelledby="people-title" @keydown=${this.onKeydown}>
      <header>
        <h3 id="people-title">${t('room.participants', { count: this.participants.length })}</h3>
        <button part="participants-close" type="button" aria-label=${t('people.close')} @click=${this.close}>×</button>
      </header>
      ${renderHostBar(this.hostCtl, t)}
      ${hands.length
        ? html`<section class="hands" aria-labelledby="hands-title">
            <h4 id="hands-title">${icons.hand}${t('people.hands', { count: hands.length })}</h4>
            <ol part="raised-hands" aria-labelledby="hands-title">
              ${repeat(hands, (h) => h.identity, (h) => html`<li part="raised-hand" data-identity=${h.identity} data-position=${h.position}>
                <span class="position" aria-hidden="true">${h.position}</span>
                <span class="name">${name(h)}</span>
                ${h.isLocal || this.host
                  ? html`<button part="lower-hand-button" type="button" @click=${() => this.lower(h.identity)}>
                      ${h.isLocal ? t('room.lowerHand') : t('people.lowerHandOf', { name: h.name })}</button>`
                  : nothing}
                ${renderHandPromote(this.participants.find((p) => p.identity === h.identity), this.hostCtl, t)}
              </li>`)}
            </ol>
          </section>`
        : nothing}
      <ul part="participant-list" aria-labelledby="people-title">
        ${repeat(this.participants, (p) => p.identity, (p) => html`<li part="participant" data-identity=${p.identity} data-hand=${p.handRaisedAt !== undefined ? 'raised' : nothing}>
          <span class="name">${name(p)}</span>
          ${renderRoleMark(p, this.hostCtl, t, 'participant-role')}
          ${p.handRaisedAt !== undefined
            ? html`<span part="hand-indicator" role="img" aria-label=${t('room.handRaised')} title=${t('room.handRaised')}>${icons.hand}</span>`
            : nothing}
          ${p.hasMic && p.micMuted ? html`<span class="muted-text">(${t('room.muted')})</span>` : nothing}
          ${p.isSpeaking ? html`<span class="muted-text">(${t('room.speaking')})</span>` : nothing}
          ${renderHostActions(p, this.hostCtl, t)}
          ${renderCoHostAction(p, this.hostCtl, t)}
        </li>`)}
      </ul>
    </aside>`;
  }
}
