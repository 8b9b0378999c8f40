// Verzuimwijzer's service worker: keeps the app's shell (index.html, the
// hashed JS, wasm and CSS trunk makes, the manifest and icons) on the phone,
// so the app opens without a network. Registered by the app itself
// (src/service_worker.rs) as /sw.js?v=<fingerprint of this build's files>:
// a new build is a new address, so a new worker installs a fresh shell and
// removes the old one.
//
// Never cached: anything under /api. Those answers are personal (and sent
// no-store); the app keeps unsent reports itself (src/outbox.rs).
'use strict';

const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const CACHE = `vw-shell-${VERSION}`;
const SHELL = '/index.html';
// Not named in index.html's tags, but part of the installed app.
const ALSO = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png',
  '/icons/icon-maskable-512.png', '/icons/icon.svg', '/favicon.ico'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // The page as it is now (not from the browser's cache), and every file
    // of our own it names.
    const response = await fetch(SHELL, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`no shell: ${response.status}`);
    const html = await response.clone().text();
    const cache = await caches.open(CACHE);
    await cache.addAll([...new Set([...ownFiles(html), ...ALSO])]);
    await cache.put(SHELL, response);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('vw-shell-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Not ours to answer: other sites, changes, and the API (personal).
  if (url.origin !== self.location.origin || request.method !== 'GET'
    || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    // The newest page when there is a network; the kept one when not.
    event.respondWith(fetch(request).catch(async () =>
      (await caches.match(SHELL, { cacheName: CACHE })) || Response.error()));
    return;
  }
  // The shell's files never change under their hashed names.
  event.respondWith((async () =>
    (await caches.match(request, { cacheName: CACHE, ignoreSearch: true })) || fetch(request))());
});

/** The addresses on our own site that `html` loads: href="…" and src="…". */
function ownFiles(html) {
  const files = [];
  for (const [, address] of html.matchAll(/\b(?:href|src)=["']?([^"'\s>]+)/g)) {
    const url = new URL(address, self.location.origin);
    if (url.origin === self.location.origin && !url.pathname.startsWith('/api/')
      && url.pathname !== '/') {
      files.push(url.pathname);
    }
  }
  return files;
}
