import { randomInt } from 'node:crypto';

/**
 * Server-generated room names, Meet-style: `abc-defg-hij`, ten lowercase letters drawn with `crypto.randomInt`
 * (26^10 ≈ 2^47: 47 bits of randomness), readable aloud and unguessable. They match the RoomName pattern.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const GROUPS = [3, 4, 3] as const;

export const GENERATED_ROOM_NAME_PATTERN = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

/** Bits of randomness in one generated name. */
export const GENERATED_ROOM_NAME_BITS = GROUPS.reduce((n, g) => n + g, 0) * Math.log2(LETTERS.length);

export function generateRoomName(): string {
  return GROUPS.map((length) => Array.from({ length }, () => LETTERS[randomInt(LETTERS.length)]).join('')).join('-');
}
