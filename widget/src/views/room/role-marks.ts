/**
 * Who is who, as the participants panel and the tiles show it: a text mark ("hôte", "co-hôte", "invité") with a
 * tooltip, decided by core/room-roles.ts from the Room view (never from what participants write about themselves);
 * and the creator's "Nommer co-hôte" / "Retirer co-hôte" per participant, through core/host-controls.ts (the
 * service). Template functions, like host-actions.ts: the panel renders them in its shadow root, the room the tile's.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/index.js';
import type { ParticipantView } from '../../core/call-session.js';
import { coHostsOf, roleMark, type RoleMark } from '../../core/room-roles.js';
import type { HostControlsController } from '../../controllers/host-controls-controller.js';
import type { HostControlsState } from '../../core/host-controls.js';

export { ROLE_PARTS } from './host-actions.parts.js';

const LABEL = { host: 'role.host', 'co-host': 'role.coHost', guest: 'role.guest' } as const;
const TIP = { host: 'role.hostTip', 'co-host': 'role.coHostTip', guest: 'role.guestTip' } as const;

/** The participant's mark, if any (the host controls carry the latest Room view). */
export function markOf(p: Pick<ParticipantView, 'identity'>, host: HostControlsController): RoleMark | undefined {
  const roles = host.state?.roles;
  return roles ? roleMark(roles, p.identity) : undefined;
}

/** The mark's words, for a tile's accessible name ("invité"), or ''. */
export function markLabel(p: Pick<ParticipantView, 'identity'>, host: HostControlsController, t: Translate): string {
  const mark = markOf(p, host);
  return mark ? t(LABEL[mark]) : '';
}

/**
 * The mark as a badge: `participant-role` in the panel, `tile-role` in a tile's name bar. Text, not colour alone;
 * the tooltip (`title`) says what it means ("Entré par un lien d'invitation").
 */
export function renderRoleMark(p: Pick<ParticipantView, 'identity'>, host: HostControlsController, t: Translate, part: 'participant-role' | 'tile-role'): TemplateResult | typeof nothing {
  const mark = markOf(p, host);
  if (!mark) return nothing;
  return html`<span part=${part} class="role-mark" data-role=${mark} title=${t(TIP[mark])}>${t(LABEL[mark])}</span>`;
}

/** The creator's co-host toggle on one participant of the panel (not on themselves). */
export function renderCoHostAction(p: ParticipantView, host: HostControlsController, t: Translate): TemplateResult | typeof nothing {
  const s = host.state;
  const api = host.api;
  if (!s?.creator || !s.roles || !api || p.isLocal || p.identity === s.roles.created_by) return nothing;
  const coHost = coHostsOf(s.roles).includes(p.identity);
  const action = coHost ? 'remove-co-host' : 'make-co-host';
  const label = t(coHost ? 'role.removeCoHost' : 'role.makeCoHost', { name: p.name });
  const busy = api.isPending(action, p.identity);
  const run = () => void (coHost ? api.removeCoHost(p.identity) : api.makeCoHost(p.identity)).catch(() => {});
  return html`<button part=${coHost ? 'host-remove-co-host' : 'host-make-co-host'} type="button" class="host-btn" aria-label=${label}
    title=${label} ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${run}>${t(coHost ? 'role.removeCoHostShort' : 'role.makeCoHostShort')}</button>`;
}

/**
 * What to announce when we become co-host or stop being one during the call ("Vous êtes maintenant co-hôte"), for the
 * room's polite live region; the last announcement stays until the next change.
 */
export class RoleNotice {
  private last: HostControlsState | undefined;
  private text = '';

  update(s: HostControlsState | undefined, t: Translate): string {
    const last = this.last;
    if (last && s?.me && last.me === s.me && last.isHost !== s.isHost && !s.creator) {
      this.text = t(s.isHost ? 'role.nowCoHost' : 'role.noLongerCoHost');
    }
    this.last = s;
    return this.text;
  }
}

/** The badge's look (panel and tiles). */
export const roleMarkStyles = css`
  .role-mark {
    flex: none; font-size: 0.72rem; font-weight: 600; line-height: 1.2; padding: 0.05rem 0.4rem; border-radius: 999px;
    border: 1px solid currentColor; cursor: help; white-space: nowrap;
    background: rgba(0, 0, 0, 0.72); color: #ffffff;
  }
  .role-mark[data-role='host'], .role-mark[data-role='co-host'] { color: var(--_u-stage-accent, #8ab4f8); }
  /* The creator's co-host button ends the participant's row, after the host actions. */
  [part~='host-make-co-host'], [part~='host-remove-co-host'] { margin-inline-start: auto; }
`;
