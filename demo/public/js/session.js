// The demo's signed-in session: the Urbania JWT from POST /api/auth/login, kept in sessionStorage
// (per tab, gone when the tab closes), plus the demo user and the other demo users as contacts.
import config from '/config.js';

export const SESSION_KEY = 'urbania-demo.session';

/** @returns {{ token: string, user: { id: string, name: string }, contacts?: {id: string, name: string}[], expiresAt?: number } | null} */
export function getSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (!s?.token || !s.user?.id) return null;
    if (s.expiresAt && Date.now() > s.expiresAt) return null;
    return s;
  } catch {
    return null;
  }
}

export function setSession(session) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
  location.assign('/');
}

/** Only same-site paths are followed after sign-in. */
export function safeNext(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/dashboard';
}

/** Returns the session, or sends the visitor to the sign-in page (coming back here afterwards). */
export function requireSession() {
  const s = getSession();
  if (!s) {
    location.replace(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new Error('not signed in');
  }
  return s;
}

export async function api(path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${config.serviceUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error(data?.error?.message ?? `HTTP ${res.status}`);
    err.status = res.status;
    err.code = data?.error?.code;
    throw err;
  }
  return data;
}

export async function demoUsers() {
  const { users } = await api('/api/auth/demo-users');
  return users;
}

/** Contacts = every demo user but me; cached in the session once known. */
export async function contactsFor(session) {
  if (Array.isArray(session.contacts)) return session.contacts;
  const contacts = (await demoUsers()).filter((u) => u.id !== session.user.id);
  setSession({ ...session, contacts });
  return contacts;
}

/** Fills the top bar (who is signed in, sign-out button). */
export function topBar(session) {
  const who = document.getElementById('who');
  if (who) who.textContent = `Connecté·e : ${session.user.name}`;
  document.getElementById('signout')?.addEventListener('click', signOut);
}

export const serviceUnreachable = (err) =>
  err instanceof TypeError
    ? `Le service de réunion (${config.serviceUrl}) ne répond pas. Est-il démarré ?`
    : `Erreur : ${err.message}`;
