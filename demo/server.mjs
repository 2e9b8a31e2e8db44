#!/usr/bin/env node
// Urbania Meet demo: static pages on the seed guide's URLs, each embedding <urbania-meeting> by a plain
// <script type="module"> tag from widget/dist/cdn/ (served under /widget/), exactly as an Urbania page would.
// No framework: node:http only. Every answer carries a strict Content-Security-Policy (no inline script,
// no eval, connections only to this origin, the token service and the LiveKit server).
//
// Env: DEMO_PORT (3000), DEMO_HOST (127.0.0.1), SERVICE_URL (http://127.0.0.1:8000),
//      LIVEKIT_PUBLIC_URL (ws://127.0.0.1:7880), WIDGET_DIR (widget/dist/cdn).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const PUBLIC = path.join(HERE, 'public');
const PORT = Number(process.env.DEMO_PORT ?? 3000);
const HOST = process.env.DEMO_HOST ?? '127.0.0.1';
const SERVICE_URL = (process.env.SERVICE_URL ?? 'http://127.0.0.1:8000').replace(/\/+$/, '');
const LIVEKIT_WS = (process.env.LIVEKIT_PUBLIC_URL ?? 'ws://127.0.0.1:7880').replace(/\/+$/, '');
const WIDGET_DIR = path.resolve(ROOT, process.env.WIDGET_DIR ?? 'widget/dist/cdn');

// livekit-client also calls the server over http(s) (e.g. /rtc/validate after a failed connect).
const LIVEKIT_HTTP = LIVEKIT_WS.replace(/^ws/, 'http');
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  `connect-src 'self' ${SERVICE_URL} ${LIVEKIT_WS} ${LIVEKIT_HTTP}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self), speaker-selection=(self)',
  'cross-origin-opener-policy': 'same-origin',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The three meeting pages share one template; only the view, the room and the headings differ. */
const MEETING_VIEWS = {
  '/meeting/pre-join': { view: 'pre-join', title: 'Nouvelle réunion', heading: 'Préparer la réunion' },
  '/meeting/room': { view: 'room', title: 'Réunion', heading: 'Réunion' },
  '/meeting/invite': { view: 'invite', title: 'Invitation', heading: 'Invitation à une réunion' },
};

const PAGES = { '/': 'index.html', '/index.html': 'index.html', '/dashboard': 'dashboard.html' };

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-cache', ...headers });
  res.end(body);
}

/** Serves a file from `base`, refusing anything that resolves outside it. */
async function sendFile(req, res, base, rel) {
  const file = path.resolve(base, '.' + path.posix.normalize('/' + rel));
  if (!file.startsWith(base + path.sep)) return notFound(res);
  try {
    const info = await stat(file);
    if (!info.isFile()) return notFound(res);
    const body = await readFile(file);
    send(res, 200, req.method === 'HEAD' ? undefined : body, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': String(body.length),
    });
  } catch {
    notFound(res);
  }
}

function notFound(res) {
  send(
    res,
    404,
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page introuvable</title>' +
      '<link rel="stylesheet" href="/static/demo.css"></head><body><main><h1>Page introuvable</h1>' +
      '<p><a href="/dashboard">Retour au tableau de bord</a></p></main></body></html>',
    { 'content-type': 'text/html; charset=utf-8' },
  );
}

let meetingTemplate;
async function meetingPage(res, url, spec) {
  meetingTemplate ??= await readFile(path.join(PUBLIC, 'meeting.html'), 'utf8');
  const room = url.searchParams.get('room') ?? '';
  if (spec.view !== 'pre-join' && !room) {
    res.writeHead(302, { ...SECURITY_HEADERS, location: '/dashboard' });
    return res.end();
  }
  // /meeting/pre-join?type=audio opens the pre-join view on an audio call (no camera preview).
  const type = url.searchParams.get('type');
  const callType = spec.view === 'pre-join' && (type === 'audio' || type === 'video') ? type : '';
  const html = meetingTemplate
    .replaceAll('{{TITLE}}', escapeHtml(room ? `${spec.title} ${room}` : spec.title))
    .replaceAll('{{HEADING}}', escapeHtml(spec.heading))
    .replaceAll('{{VIEW}}', escapeHtml(spec.view))
    .replaceAll('{{ROOM}}', escapeHtml(room))
    .replaceAll('{{EXTRA_ATTRS}}', callType ? ` call-type="${callType}"` : '')
    .replaceAll('{{SERVICE_URL}}', escapeHtml(SERVICE_URL));
  send(res, 200, html, { 'content-type': 'text/html; charset=utf-8' });
}

const configJs = `// Generated by demo/server.mjs from the environment.\nexport default ${JSON.stringify(
  { serviceUrl: SERVICE_URL, livekitUrl: LIVEKIT_WS },
  null,
  2,
)};\n`;

export const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const p = url.pathname;
    if (p === '/healthz') return send(res, 200, 'ok', { 'content-type': 'text/plain' });
    if (p === '/config.js') return send(res, 200, configJs, { 'content-type': 'text/javascript; charset=utf-8' });
    if (PAGES[p]) return sendFile(req, res, PUBLIC, PAGES[p]);
    if (MEETING_VIEWS[p]) return meetingPage(res, url, MEETING_VIEWS[p]);
    if (p.startsWith('/static/')) return sendFile(req, res, PUBLIC, p.slice('/static/'.length));
    if (p.startsWith('/widget/')) return sendFile(req, res, WIDGET_DIR, p.slice('/widget/'.length));
    // The Web Push service worker, at the root so that its scope covers every page.
    if (p === '/urbania-sw.js') return sendFile(req, res, WIDGET_DIR, 'urbania-sw.js');
    if (p === '/favicon.ico') return send(res, 204, undefined);
    return notFound(res);
  } catch (err) {
    console.error(err);
    if (!res.headersSent) send(res, 500, 'erreur interne', { 'content-type': 'text/plain; charset=utf-8' });
    else res.end();
  }
});

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  server.listen(PORT, HOST, () => {
    console.log(`demo on http://${HOST}:${PORT}  (service ${SERVICE_URL}, LiveKit ${LIVEKIT_WS}, widget ${WIDGET_DIR})`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
