// Sign-in page: one button per demo user (GET /api/auth/demo-users), POST /api/auth/login, session kept.
import { api, demoUsers, safeNext, serviceUnreachable, setSession } from '/static/js/session.js';

const list = document.getElementById('users');
const error = document.getElementById('error');
const next = safeNext(new URLSearchParams(location.search).get('next'));

async function signIn(user, users, button) {
  error.textContent = '';
  button.disabled = true;
  try {
    const r = await api('/api/auth/login', { method: 'POST', body: { user_id: user.id } });
    setSession({
      token: r.access_token,
      user: r.user ?? user,
      contacts: users.filter((u) => u.id !== user.id),
      expiresAt: r.expires_in ? Date.now() + r.expires_in * 1000 : undefined,
    });
    location.assign(next);
  } catch (err) {
    error.textContent = serviceUnreachable(err);
    button.disabled = false;
  }
}

try {
  const users = await demoUsers();
  list.replaceChildren(
    ...users.map((user) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'user';
      b.dataset.userId = user.id;
      b.textContent = `Se connecter en tant que ${user.name}`;
      b.addEventListener('click', () => signIn(user, users, b));
      return b;
    }),
  );
} catch (err) {
  list.replaceChildren();
  error.textContent = serviceUnreachable(err);
} finally {
  list.removeAttribute('aria-busy');
}
