// Writes service-worker.js into a built web folder: it precaches every file of the station's
// app there, under a cache named after a hash of their contents, so that after one visit
// Yousaid starts and runs with no network at all, and any rebuilt file gives a new cache that
// replaces the old one. The officer's page (officer.*) is cached when it is first visited,
// never at install: a station tablet never downloads officer code.
// Usage: node scripts/make_service_worker.mjs <web dir>. Also importable: writeServiceWorker(dir).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const SERVICE_WORKER_FILE = 'service-worker.js';
export const CACHE_PREFIX = 'yousaid-';

// The worker itself. It is emitted as source text (with the version's data as arguments), so
// it must not use anything from this module. Written as a function so it is checked as code.
function serviceWorker(cacheName, cachePrefix, digests, onVisitPaths) {
  const scope = self.registration.scope;
  const pageUrl = new URL('index.html', scope).href;
  const digestByUrl = new Map(Object.entries(digests).map(([path, digest]) => [new URL(path, scope).href, digest]));
  const onVisit = new Set(onVisitPaths.map((path) => new URL(path, scope).href));

  const hex = (buffer) => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

  // A server half-way through an upload could hand out a mix of two builds; checking every
  // file against the build's own digest keeps such a mix out of the cache (install fails and
  // the version already installed stays in charge).
  async function fetchExactly(url, digest) {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    if (hex(await crypto.subtle.digest('SHA-256', body)) !== digest) {
      throw new Error(`${url} is not the file this version was built with`);
    }
    // A new Response drops any "redirected" mark, which would make navigations refuse it.
    return new Response(body, { status: 200, statusText: 'OK', headers: response.headers });
  }

  self.addEventListener('install', (event) => {
    event.waitUntil((async () => {
      const precached = [...digestByUrl].filter(([url]) => !onVisit.has(url));
      const fetched = await Promise.all(precached.map(async ([url, digest]) => [url, await fetchExactly(url, digest)]));
      const cache = await caches.open(cacheName);
      try {
        await Promise.all(fetched.map(([url, response]) => cache.put(url, response)));
      } catch (error) {
        await caches.delete(cacheName);
        throw error;
      }
    })());
  });

  // A new version waits until the page says the running app has everything it needs in
  // memory (see shell/index.html); activating earlier could give one page load files from
  // two versions, such as an old app.js with a new app.wasm.
  self.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'yousaid:activate-update') self.skipWaiting();
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil((async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(cachePrefix) && name !== cacheName)
        .map((name) => caches.delete(name)));
      // The first visit's page is then served by the worker too, without a reload.
      await self.clients.claim();
    })());
  });

  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    // Any address of the page (?test=1&survey=pupil and so on) gets the cached page.
    const key = request.mode === 'navigate' && url.href === scope ? pageUrl : url.href;
    // Anything not in this version is left to the network and never stored.
    if (!digestByUrl.has(key)) return;
    event.respondWith((async () => {
      const cached = await caches.match(key, { cacheName });
      if (cached) return cached;
      // A file of the officer's page, seen for the first time: kept for the next visit offline.
      if (onVisit.has(key)) {
        const response = await fetchExactly(key, digestByUrl.get(key));
        await (await caches.open(cacheName)).put(key, response.clone());
        return response;
      }
      // Only if the browser evicted the cache: the network may still answer.
      return fetch(request);
    })());
  });
}

function filesUnder(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Dot files (such as .keep placeholders) are not part of the app.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

// Files of the officer's page, cached when it is first visited rather than at install.
export const isOfficerPageFile = (path) => /^officer\./.test(path);

// Every file the app needs: all of the web folder except the worker itself, in a stable order.
export function precacheList(webDir) {
  return filesUnder(webDir)
    .map((file) => relative(webDir, file).split(sep).join('/'))
    .filter((path) => path !== SERVICE_WORKER_FILE)
    .sort()
    .map((path) => {
      const bytes = readFileSync(join(webDir, path));
      return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
}

export function serviceWorkerSource(files) {
  const code = serviceWorker.toString();
  // The worker's own code is in the version too, so a changed worker never shares a cache
  // with the one it replaces.
  const version = createHash('sha256');
  for (const { path, sha256 } of files) version.update(`${path}\0${sha256}\n`);
  version.update(code);
  const cacheName = `${CACHE_PREFIX}${version.digest('hex').slice(0, 16)}`;
  const digests = Object.fromEntries(files.map(({ path, sha256 }) => [path, sha256]));
  const onVisit = files.map(({ path }) => path).filter(isOfficerPageFile);
  const source = `// Generated by scripts/make_service_worker.mjs from the files beside it: do not edit.
'use strict';
(${code})(${JSON.stringify(cacheName)}, ${JSON.stringify(CACHE_PREFIX)}, ${JSON.stringify(digests, null, 2)}, ${JSON.stringify(onVisit)});
`;
  return { cacheName, source };
}

// Writes <webDir>/service-worker.js; returns the cache name and the files it precaches.
export function writeServiceWorker(webDir) {
  const files = precacheList(webDir);
  if (!files.some(({ path }) => path === 'index.html')) {
    throw new Error(`${webDir} has no index.html: is it a built web folder?`);
  }
  const { cacheName, source } = serviceWorkerSource(files);
  writeFileSync(join(webDir, SERVICE_WORKER_FILE), source);
  return { cacheName, files, totalBytes: files.reduce((sum, { bytes }) => sum + bytes, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/make_service_worker.mjs <web dir> [--if-built]');
    process.exit(2);
  }
  // The officer's page links first in a fresh build, before the station's app has put the
  // pages in the web folder: its step then leaves the service worker to the station's.
  if (process.argv[3] === '--if-built' && !existsSync(join(dir, 'index.html'))) {
    console.log('no index.html yet: the station app\'s build writes the service worker');
    process.exit(0);
  }
  const { cacheName, files, totalBytes } = writeServiceWorker(dir);
  for (const { path, bytes } of files) console.log(`  ${path.padEnd(28)} ${String(bytes).padStart(9)} bytes`);
  console.log(`${SERVICE_WORKER_FILE}: cache ${cacheName}, ${files.length} files, ${totalBytes} bytes`);
}
