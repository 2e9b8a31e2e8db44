// The meeting pages (/meeting/pre-join, /meeting/room?room=, /meeting/invite?room=) all embed the same
// <urbania-meeting> element; this script only gives it the signed-in user's token and contacts, keeps the
// address bar in step with the call and shows the invite link. Runs before the widget script (document order),
// so the properties are in place when the element upgrades.
import { api, contactsFor, requireSession, topBar } from '/static/js/session.js';

const session = requireSession();
topBar(session);

/** @type {HTMLElement & { authToken?: string, contacts?: unknown[] }} */
const el = document.querySelector('urbania-meeting');
const heading = document.getElementById('heading');
const panel = document.getElementById('invite-panel');
const linkInput = document.getElementById('invite-link');
const copyButton = document.getElementById('copy-invite');
const copyStatus = document.getElementById('copy-status');

// An invite link (/meeting/invite?room=…&invite=…) carries its secret: the element sends it to the service.
const inviteSecret = new URLSearchParams(location.search).get('invite');
if (inviteSecret) el.setAttribute('invite', inviteSecret);
/** The page's address for `room`, keeping the invite secret (a reload must still get in). */
const roomPath = (room) =>
  `/meeting/room?room=${encodeURIComponent(room)}${inviteSecret ? `&invite=${encodeURIComponent(inviteSecret)}` : ''}`;

function applyProps() {
  el.authToken = session.token;
  el.getAuthToken = async () => session.token;
  if (session.contacts) el.contacts = session.contacts;
}
applyProps();
// Set again once the element is defined, in case the widget declares them as plain fields.
customElements.whenDefined('urbania-meeting').then(() => {
  if (el.authToken !== session.token) applyProps();
});
contactsFor(session).then(
  (contacts) => (el.contacts = contacts),
  () => {},
);

function showInvite(room) {
  if (!room) return;
  linkInput.value = `${location.origin}/meeting/invite?room=${encodeURIComponent(room)}`;
  panel.hidden = false;
}

if (el.getAttribute('view') === 'room') showInvite(el.getAttribute('room'));

copyButton.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(linkInput.value);
    copyStatus.textContent = 'Lien copié dans le presse-papiers.';
  } catch {
    linkInput.select();
    copyStatus.textContent = 'Sélectionnez le lien et copiez-le (Ctrl+C).';
  }
});

// The host creates a real invite link (a secret, valid 7 days) for someone who is not invited: the service
// answers 403 to anyone else.
const guestLink = document.getElementById('guest-link');
const guestStatus = document.getElementById('guest-status');
document.getElementById('create-guest-link').addEventListener('click', async () => {
  const room = el.getAttribute('room');
  if (!room) return;
  try {
    const created = await api(`/api/livekit/rooms/${encodeURIComponent(room)}/invites`, {
      method: 'POST',
      token: session.token,
      body: { role: 'participant' },
    });
    // The service knows its own invite page; the demo's is on this origin.
    const url = new URL(created.url);
    guestLink.value = `${location.origin}/meeting/invite${url.search}`;
    guestStatus.textContent = `Lien créé, valable jusqu'au ${new Date(created.expires_at).toLocaleString('fr-FR')}.`;
  } catch (err) {
    guestStatus.textContent =
      err.status === 403 ? "Seuls les hôtes de la réunion peuvent créer un lien invité." : `Échec : ${err.message}`;
  }
});

const roomNameOf = (detail) => detail?.room_name ?? detail?.room?.room_name ?? detail?.roomName ?? (typeof detail?.room === 'string' ? detail.room : null);

// "Démarrer l'appel" created the room: the address becomes /meeting/room?room=… (seed flow) and the
// invite link appears; the element itself carries on into the room view.
el.addEventListener('urbania-room-created', (e) => {
  const room = roomNameOf(e.detail) ?? el.getAttribute('room');
  if (!room) return;
  history.pushState({ room }, '', `/meeting/room?room=${encodeURIComponent(room)}`);
  document.title = `Réunion ${room} – Urbania Meet`;
  heading.textContent = 'Réunion';
  showInvite(room);
});

el.addEventListener('urbania-joined', () => {
  const room = el.getAttribute('room');
  if (room && location.pathname === '/meeting/invite') {
    history.replaceState({ room }, '', roomPath(room));
    heading.textContent = 'Réunion';
    showInvite(room);
  }
});

el.addEventListener('urbania-error', (e) => {
  console.warn('urbania-error', e.detail);
  if (e.detail?.code === 'unauthorized') {
    // The Urbania session expired: sign in again and come back here.
    sessionStorage.clear();
    location.assign(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
  }
});

// Back/forward across the pushed entries: reload the page the address now names.
window.addEventListener('popstate', () => location.reload());
