import { fr, type MessageKey as EntryMessageKey } from './fr.js';
import { en } from './en.js';
import type { RoomMessageKey } from './room.fr.js';

/** Every key: the entry's (fr.ts) and the call's (room.fr.ts, added when the room chunk loads: room.ts). */
export type MessageKey = EntryMessageKey | RoomMessageKey;
export type Locale = 'fr' | 'en';

type Catalogue = Partial<Record<MessageKey, string>>;
const catalogues: Record<Locale, Catalogue> = { fr: { ...fr }, en: { ...en } };

/** Merge more strings into the catalogues (the room chunk's: i18n/room.ts). Translators see them at once. */
export function addMessages(more: Readonly<Record<Locale, Catalogue>>): void {
  Object.assign(catalogues.fr, more.fr);
  Object.assign(catalogues.en, more.en);
}

/** `lang` attribute → else `<html lang>` → else French. */
export function resolveLocale(attr: string | null | undefined, doc: Document | undefined = globalThis.document): Locale {
  const pick = (v: string | null | undefined): Locale | undefined => {
    const l = (v ?? '').trim().toLowerCase().slice(0, 2);
    return l === 'fr' || l === 'en' ? l : undefined;
  };
  return pick(attr) ?? pick(doc?.documentElement?.lang) ?? 'fr';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const cat = catalogues[locale] ?? catalogues.fr;
  return (key, params) => {
    const s = cat[key] ?? catalogues.fr[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
  };
}

/** A message key for an error code, when one exists. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return (key in fr ? key : 'error.unknown') as MessageKey;
}
