import { errors } from './errors.js';
import type { RoomRecord } from './model.js';

/** `GET /rooms` cursors: the last listed room's (createdAt, name), base64url JSON. Opaque to clients. */
export function encodeCursor(room: RoomRecord): string {
  return Buffer.from(JSON.stringify([room.createdAt.getTime(), room.roomName])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; roomName: string } {
  try {
    const [at, name] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'number' && Number.isFinite(at) && typeof name === 'string') return { createdAt: new Date(at), roomName: name };
  } catch {
    // fall through
  }
  throw errors.badRequest('cursor: not a cursor this service returned');
}
