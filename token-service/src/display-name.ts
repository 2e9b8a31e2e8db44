/**
 * Display names others see in a call. The name comes from the Urbania account (the JWT's `name`) unless the page
 * passes another one; either way it is cleaned here, once, before it reaches a LiveKit token or the store.
 */

/** Longest display name kept (in code points, after cleaning). */
export const MAX_DISPLAY_NAME_LENGTH = 128;

// Control (Cc), format (Cf: zero-width spaces and joiners, bidi embeddings, overrides and isolates, the BOM, soft
// hyphen…), line and paragraph separators (Zl, Zp), lone surrogates (Cs) and private-use characters (Co).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}]/gu;
// Any other run of spaces (including no-break and ideographic spaces) becomes one plain space.
const SPACES = /\p{Zs}+/gu;

/**
 * `raw` without control, format and bidi characters, in NFC, with its spaces collapsed and trimmed, cut to
 * MAX_DISPLAY_NAME_LENGTH code points. May be empty (see displayNameFor).
 */
export function cleanDisplayName(raw: string): string {
  const cleaned = raw.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
  const points = [...cleaned];
  return points.length > MAX_DISPLAY_NAME_LENGTH ? points.slice(0, MAX_DISPLAY_NAME_LENGTH).join('').trimEnd() : cleaned;
}

/**
 * The name a user shows in a call: the one the page asked for, cleaned, else (nothing asked, or nothing left after
 * cleaning) the account's name, cleaned, else the user id. Never empty.
 */
export function displayNameFor(user: { id: string; name: string }, requested?: string): string {
  return (requested !== undefined && cleanDisplayName(requested)) || cleanDisplayName(user.name) || user.id;
}
