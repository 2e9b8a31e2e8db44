import { fr, type MessageKey } from './fr.js';
import { en } from './en.js';

export type { MessageKey };
export type Locale = 'fr' | 'en';

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

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
  const cat = catalogues[locale] ?? fr;
  return (key, params) => {
    const s = cat[key] ?? fr[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
  };
}

/** A message key for an error code, when one exists. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return (key in fr ? key : 'error.unknown') as MessageKey;
}
