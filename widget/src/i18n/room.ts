/**
 * The call's strings (room.fr.ts, room.en.ts), merged into the translator by the modules of the room and in-call
 * chunks, so the CDN entry carries only the pre-join's, the invite's and the errors'. Room-side code imports
 * `translator` from here: it registers them first.
 */
import { addMessages, translator as entryTranslator, type Locale, type Translate } from './index.js';
import { roomFr } from './room.fr.js';
import { roomEn } from './room.en.js';

export type { Locale, MessageKey, Translate } from './index.js';

let registered = false;

/** Add the call's strings to the catalogues (once). */
export function registerRoomMessages(): void {
  if (registered) return;
  registered = true;
  addMessages({ fr: roomFr, en: roomEn });
}

/** The translator, with the call's strings. */
export function translator(locale: Locale): Translate {
  registerRoomMessages();
  return entryTranslator(locale);
}
