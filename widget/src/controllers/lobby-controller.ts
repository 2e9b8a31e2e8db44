import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { LobbyWatcher, type DataSource } from '../core/lobby.js';
import { isRoomHost } from '../core/room-roles.js';
import type { FlowState } from '../core/meeting-flow.js';
import type { Knock, ServiceClient } from '../core/service-client.js';
import type { Translate } from '../i18n/index.js';

/**
 * The waiting room as <urbania-meeting> shows it. Hosts in a call of a room with a waiting room see who knocks
 * (name, time) with "Admettre" / "Refuser" (core/lobby.ts watches the service); a guest waiting for a host sees a
 * status message. Parts: `waiting`, `lobby`, `lobby-knock`, `admit-button`, `refuse-button`.
 */
export class LobbyController implements ReactiveController {
  private watcher: LobbyWatcher | undefined;
  private unsubscribe: (() => void) | undefined;
  knocks: readonly Knock[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => ServiceClient,
    private readonly announce: (knock: Knock) => void,
    /** The host controls' admit / refuse (core/host-controls.ts): the one way a decision reaches the service. */
    private readonly decider: (identity: string, decision: 'admit' | 'refuse') => Promise<void>,
  ) {
    host.addController(this);
  }

  /** Watch while we host (creator or co-host) a call in a room with a waiting room; stop otherwise. */
  update(s: FlowState, source: DataSource | undefined): void {
    const hosting = (s.phase === 'in-call' || s.phase === 'reconnecting') && isRoomHost(s.info, s.identity) && s.info.waiting_room;
    if (hosting && !this.watcher) {
      this.watcher = new LobbyWatcher(this.client, s.room, undefined, this.decider);
      this.unsubscribe = this.watcher.subscribe((knocks) => {
        for (const k of knocks) if (!this.knocks.some((old) => old.identity === k.identity)) this.announce(k);
        this.knocks = knocks;
        this.host.requestUpdate();
      });
      this.watcher.start(source);
    } else if (!hosting && this.watcher) {
      this.stop();
    }
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.watcher?.stop();
    this.watcher = undefined;
    this.knocks = [];
    this.host.requestUpdate();
  }

  /**
   * Admit or refuse someone waiting (the knock buttons, `admit()` / `refuse()` of the element): through the watcher
   * when it runs (the list drops them at once; a failure refreshes it), else straight to the host controls, which
   * reject `not_in_call` / `host_only`.
   */
  decide(identity: string, decision: 'admit' | 'refuse'): Promise<void> {
    const w = this.watcher;
    return w ? w.decide(identity, decision).catch((err: unknown) => { void w.refresh(); throw err; }) : this.decider(identity, decision);
  }

  /** A guest waiting for a host. */
  renderWaiting(t: Translate, lang: string) {
    return waitingTemplate(t, lang);
  }

  /** The host's list of knocks (nothing while nobody waits). */
  renderKnocks(t: Translate, lang: string) {
    if (this.knocks.length === 0 || !this.watcher) return nothing;
    return knocksTemplate(this.knocks, t, lang, (identity, decision) => void this.decide(identity, decision).catch(() => {}));
  }
}

/** The guest's waiting-room message (`waiting` part). */
export function waitingTemplate(t: Translate, lang: string) {
  return html`<section class="waiting" part="waiting" role="status" lang=${lang} aria-labelledby="waiting-title">
    <h2 id="waiting-title">${t('waiting.title')}</h2>
    <p>${t('waiting.body')}</p>
  </section>`;
}

/** The host's waiting room: each knock with its name, time, admit and refuse buttons. */
export function knocksTemplate(knocks: readonly Knock[], t: Translate, lang: string, decide: (identity: string, decision: 'admit' | 'refuse') => void) {
  const time = (iso: string) => new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  return html`<section class="lobby" part="lobby" lang=${lang} aria-labelledby="lobby-title">
    <h2 id="lobby-title">${t('lobby.title')}</h2>
    <ul>
      ${knocks.map((k) => html`<li part="lobby-knock" data-identity=${k.identity}>
        <span>${t('lobby.knock', { name: k.name, time: time(k.knocked_at) })}</span>
        <button part="admit-button" class="primary" type="button" aria-label=${`${t('lobby.admit')} ${k.name}`}
          @click=${() => decide(k.identity, 'admit')}>${t('lobby.admit')}</button>
        <button part="refuse-button" type="button" aria-label=${`${t('lobby.refuse')} ${k.name}`}
          @click=${() => decide(k.identity, 'refuse')}>${t('lobby.refuse')}</button>
      </li>`)}
    </ul>
  </section>`;
}
