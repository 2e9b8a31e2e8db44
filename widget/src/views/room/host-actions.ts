/**
 * The host's actions, shown to hosts only (the creator and the co-hosts: core/room-roles.ts, from the Room view): per participant in the
 * participants panel (mute microphone / camera / screen, promote to or demote from a webinar's stage, remove with a
 * confirmation), plus the room's lock toggle and the last failure, and on their tile (mute microphone). Template
 * functions: the participants panel renders the first ones in its shadow root, the room the tile's; every action
 * goes through core/host-controls.ts, i.e.
 * the token service, which refuses anyone else (403) whatever is shown here.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/index.js';
import type { ParticipantView } from '../../core/call-session.js';
import { formatFlowError } from '../../core/flow-error.js';
import type { HostControlsController } from '../../controllers/host-controls-controller.js';
import { icons } from './icons.js';
import { mayActOn } from '../../core/room-roles.js';

export { HOST_ACTION_PARTS } from './host-actions.parts.js';

/** Styles of the host templates, for the element that renders them (the participants panel). */
export const hostActionStyles = css`
  .host-actions { display: inline-flex; gap: 0.25rem; flex-wrap: wrap; align-items: center; margin-inline-start: auto; }
  .host-bar { display: grid; gap: 0.3rem; margin-block: 0.4rem; }
  .host-btn {
    font: inherit; font-size: 0.8rem; min-height: 2rem; padding: 0.15rem 0.45rem; border-radius: 4px; cursor: pointer;
    display: inline-flex; align-items: center; gap: 0.2rem;
  }
  .host-btn svg { width: 1rem; height: 1rem; }
  .host-btn[aria-pressed='true'] { background: var(--urbania-warning-color, #f9ab00); color: #202124; border-color: transparent; }
  .host-btn:disabled { opacity: 0.5; cursor: progress; }
  .host-error { margin: 0; color: var(--urbania-danger-text, #f28b82); font-size: 0.85rem; display: flex; gap: 0.3rem; align-items: center; }
`;

/** The host's "invite to speak" next to a raised hand (webinars: the usual way onto the stage). */
export function renderHandPromote(p: ParticipantView | undefined, host: HostControlsController, t: Translate): TemplateResult | typeof nothing {
  const api = host.api;
  if (!p || !host.state?.isHost || !host.state.webinar || !api || p.isLocal || p.canPublish || !actsOn(host, p)) return nothing;
  return actionButton('host-promote', t('host.promote', { name: p.name }), () => quietly(api.promote(p.identity)), api.isPending('promote', p.identity), t('host.promoteShort'));
}

/** A co-host acts on everyone but the creator (the service refuses that); the creator on everyone. */
function actsOn(host: HostControlsController, p: ParticipantView): boolean {
  const s = host.state;
  return !s?.roles || mayActOn(s.roles, s.me, p.identity);
}

// Failures are reported by the controls' state (host-error); the rejected promise needs no other handler.
const quietly = (p: Promise<unknown> | undefined) => void p?.catch(() => {});

function actionButton(part: string, label: string, onClick: () => void, busy: boolean, content: unknown = label, variant = ''): TemplateResult {
  return html`<button part=${part} type="button" class="host-btn ${variant}" aria-label=${label} title=${label}
    ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${onClick}>${content}</button>`;
}

/** The actions on one participant, in the participants panel. Nothing for ourselves or when we are not the host. */
export function renderHostActions(p: ParticipantView, host: HostControlsController, t: Translate): TemplateResult | typeof nothing {
  const s = host.state;
  const api = host.api;
  if (!s?.isHost || !api || p.isLocal || !actsOn(host, p)) return nothing;
  const name = p.name;
  const busy = (a: Parameters<typeof api.isPending>[0]) => api.isPending(a, p.identity);
  if (host.confirming === p.identity) {
    return html`<span part="host-actions" class="host-actions confirm" role="group" aria-label=${t('host.confirmRemove', { name })}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); host.confirm(undefined); } }}>
      <span class="muted-text">${t('host.confirmRemove', { name })}</span>
      ${actionButton('host-remove-confirm', t('host.removeConfirm', { name }), () => { host.confirm(undefined); quietly(api.remove(p.identity)); }, busy('remove'), t('host.removeYes'), 'danger')}
      ${actionButton('host-remove-cancel', t('host.cancel'), () => host.confirm(undefined), false)}
    </span>`;
  }
  return html`<span part="host-actions" class="host-actions" role="group" aria-label=${t('host.actionsFor', { name })}>
    ${p.hasMic && !p.micMuted ? actionButton('host-mute-microphone', t('host.muteMic', { name }), () => quietly(api.mute(p.identity, 'microphone')), busy('mute'), icons.micOff) : nothing}
    ${p.cameraOn ? actionButton('host-mute-camera', t('host.muteCamera', { name }), () => quietly(api.mute(p.identity, 'camera')), busy('mute'), icons.cameraOff) : nothing}
    ${p.screen ? actionButton('host-mute-screen-share', t('host.muteScreen', { name }), () => quietly(api.mute(p.identity, 'screen_share')), busy('mute'), icons.stopScreenShare) : nothing}
    ${s.webinar && !p.canPublish ? actionButton('host-promote', t('host.promote', { name }), () => quietly(api.promote(p.identity)), busy('promote'), t('host.promoteShort')) : nothing}
    ${s.webinar && p.canPublish ? actionButton('host-demote', t('host.demote', { name }), () => quietly(api.demote(p.identity)), busy('demote'), t('host.demoteShort')) : nothing}
    ${actionButton('host-remove', t('host.remove', { name }), () => host.confirm(p.identity), busy('remove'), t('host.removeShort'), 'danger')}
  </span>`;
}

/** The quick action on a participant's tile: mute their microphone (host only, while it is live). */
export function renderTileHostAction(p: ParticipantView, host: HostControlsController, t: Translate): TemplateResult | undefined {
  const api = host.api;
  if (!host.state?.isHost || !api || p.isLocal || !p.hasMic || p.micMuted || !actsOn(host, p)) return undefined;
  const label = t('host.muteMic', { name: p.name });
  return html`<button part="tile-host-mute" type="button" class="tile-btn" aria-label=${label} title=${label}
    ?disabled=${api.isPending('mute', p.identity)} @click=${() => quietly(api.mute(p.identity, 'microphone'))}>${icons.micOff}</button>`;
}

/** The room's lock toggle and the last host action that failed, at the top of the participants panel. */
export function renderHostBar(host: HostControlsController, t: Translate): TemplateResult | typeof nothing {
  const s = host.state;
  const api = host.api;
  if (!s?.isHost || !api) return nothing;
  const busy = api.isPending('lock') || api.isPending('unlock');
  const label = t(s.locked ? 'host.unlock' : 'host.lock');
  return html`<div class="host-bar">
    <button part="host-lock-toggle" type="button" class="host-btn" aria-pressed=${s.locked ? 'true' : 'false'} title=${label}
      ?disabled=${busy} @click=${() => quietly(s.locked ? api.unlock() : api.lock())}>${s.locked ? t('host.locked') : t('host.lockShort')}</button>
    ${s.error
      ? html`<p part="host-error" class="host-error" role="alert">${formatFlowError(s.error, t)}
          <button type="button" class="host-btn" aria-label=${t('error.dismiss')} @click=${() => api.dismiss()}>×</button></p>`
      : nothing}
  </div>`;
}

/** What a finished host action announces (live region), or ''. */
export function hostAnnouncement(host: HostControlsController, t: Translate, nameOf: (identity: string) => string): string {
  const done = host.state?.done;
  if (!done) return '';
  const name = done.name ?? nameOf(done.identity);
  switch (done.action) {
    case 'mute': return t(done.source === 'camera' ? 'host.done.muteCamera' : done.source === 'screen_share' ? 'host.done.muteScreen' : 'host.done.muteMic', { name });
    case 'remove': return t('host.done.remove', { name });
    case 'promote': return t('host.done.promote', { name });
    case 'demote': return t('host.done.demote', { name });
    case 'lock': return t('host.done.lock');
    case 'unlock': return t('host.done.unlock');
    case 'make-co-host': return t('role.done.makeCoHost', { name });
    case 'remove-co-host': return t('role.done.removeCoHost', { name });
    case 'admit': return t('host.done.admit', { name });
    case 'refuse': return t('host.done.refuse', { name });
    case 'invite': return t('host.done.invite');
    case 'revoke': return t('host.done.revoke');
    case 'end': return t('host.done.end');
  }
}
