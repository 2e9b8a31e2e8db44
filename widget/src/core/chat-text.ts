/**
 * A chat message split into text and link segments, for the chat panel to render as text nodes and `<a>` elements
 * (never HTML). Links are only ever `http:` or `https:` URLs. Apart from chat.ts so it loads with the room view.
 */

export type ChatSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) URLs and bare www. addresses; trailing punctuation is left out of the link.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"»]+$/;

/** Splits a message into text and link segments. */
export function linkify(text: string): ChatSegment[] {
  const out: ChatSegment[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + t };
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(URL_RE)) {
    let raw = m[0];
    let trail = TRAILING.exec(raw)?.[0] ?? '';
    raw = raw.slice(0, raw.length - trail.length);
    // Keep a closing parenthesis that belongs to the URL, e.g. https://fr.wikipedia.org/wiki/Lyon_(ville)
    while (trail.startsWith(')') && count(raw, '(') > count(raw, ')')) { raw += ')'; trail = trail.slice(1); }
    const start = m.index;
    const href = safeHref(raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw);
    if (!href) continue;
    push(text.slice(last, start));
    out.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  push(text.slice(last));
  return out;
}

const count = (s: string, c: string): number => s.split(c).length - 1;

function safeHref(candidate: string): string | undefined {
  try {
    const u = new URL(candidate);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u.href : undefined;
  } catch {
    return undefined;
  }
}
