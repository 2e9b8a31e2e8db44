/**
 * The same person joining from a second tab (or device). LiveKit allows one session per identity: the newer
 * connection drops the older one (DisconnectReason.DUPLICATE_IDENTITY), which would end the first tab's call
 * silently. So before connecting, the flow reads the join answer — `connected_elsewhere` (the service asked the SFU),
 * or our own identity (the LiveKit token's subject) among the room's presence (`room.connected`, from LiveKit's
 * webhooks) — and asks first: "continue here" moves the call, and the other tab says the call continued elsewhere.
 */
import type { JoinResponse } from './service-client.js';

/** The identity a LiveKit access token is for (its `sub`), without verifying it (the SFU does). */
export function tokenIdentity(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const sub = (JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/** We are already in this call somewhere else: our identity is among those connected. */
export function connectedElsewhere(res: Pick<JoinResponse, 'token' | 'room'> & { connected_elsewhere?: boolean }): boolean {
  if (res.connected_elsewhere) return true;
  const identity = tokenIdentity(res.token);
  return identity !== undefined && res.room.connected.some((p) => p.identity === identity);
}
