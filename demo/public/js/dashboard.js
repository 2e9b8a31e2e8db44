// Dashboard: "Nouvelle réunion" (→ /meeting/pre-join) and the rooms I created or was invited to.
import { api, requireSession, serviceUnreachable, signOut, topBar } from '/static/js/session.js';

const session = requireSession();
topBar(session);
const list = document.getElementById('rooms');
const error = document.getElementById('error');

const link = (href, text) => {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
};

try {
  const { rooms } = await api('/api/livekit/rooms', { token: session.token });
  if (!rooms.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'Aucune réunion pour le moment.';
    list.replaceChildren(li);
  } else {
    list.replaceChildren(
      ...rooms.map((r) => {
        const li = document.createElement('li');
        const q = encodeURIComponent(r.room_name);
        const type = r.webinar ? 'webinaire' : r.call_type === 'audio' ? 'audio' : 'vidéo';
        const name = document.createElement('strong');
        name.textContent = r.room_name;
        li.append(name, ` — ${type}, créée par ${r.created_by_name}, ${r.connected?.length ?? 0} connecté·e(s) `);
        li.append(link(`/meeting/room?room=${q}`, 'Rejoindre'), ' · ', link(`/meeting/invite?room=${q}`, "Lien d'invitation"));
        return li;
      }),
    );
  }
} catch (err) {
  if (err.status === 401) signOut();
  list.replaceChildren();
  error.textContent = serviceUnreachable(err);
} finally {
  list.removeAttribute('aria-busy');
}
