// Offline for real: after one visit the service worker alone starts the app (the network is
// cut and the server stopped), a response is taken and kept; and a new version of the files
// replaces the old cache completely.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppDriver, WEB_DIR, answerQuestions, browserTest, storedResponses } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { isOfficerPageFile, SERVICE_WORKER_FILE, precacheList, writeServiceWorker } from '../../scripts/make_service_worker.mjs';

async function serve(dir) {
  const server = await startServer(dir, 0);
  return { server, baseUrl: `http://127.0.0.1:${server.address().port}/` };
}

function stop(server) {
  server.closeAllConnections();
  return new Promise((done) => server.close(done));
}

function cacheNameIn(webDir) {
  const match = /\("(yousaid-[0-9a-f]+)"/.exec(readFileSync(join(webDir, SERVICE_WORKER_FILE), 'utf8'));
  assert.ok(match, `${SERVICE_WORKER_FILE} in ${webDir} names no cache: build the web app first`);
  return match[1];
}

// Waits until a worker has finished activating and controls the page; returns the cache names.
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller &&
    navigator.serviceWorker.controller.state === 'activated', null, { timeout: 30000 });
  return page.evaluate(() => caches.keys());
}

async function waitForCaches(page, expected, timeout = 30000) {
  const start = Date.now();
  let names = [];
  while (Date.now() - start < timeout) {
    names = await page.evaluate(() => caches.keys());
    if (JSON.stringify(names) === JSON.stringify(expected)) return names;
    await page.waitForTimeout(200);
  }
  assert.fail(`caches are ${JSON.stringify(names)}, expected ${JSON.stringify(expected)}`);
}

browserTest('after one visit the app starts, takes a response and keeps it with no network', async ({ page, context }) => {
  const cacheName = cacheNameIn(WEB_DIR);
  const all = precacheList(WEB_DIR).map(({ path }) => path);
  // A tablet caches the station's app; the officer's page only once someone opens it.
  const precached = all.filter((path) => !isOfficerPageFile(path));
  assert.ok(all.includes('officer.wasm') && !precached.includes('officer.wasm'));
  // Its own server, so the test can stop it: then nothing at all can come from the network.
  const { server, baseUrl } = await serve(WEB_DIR);
  const app = new AppDriver(page, baseUrl);
  try {
    await app.open('test=1&survey=pupil');
    assert.deepEqual(await waitForServiceWorker(page), [cacheName]);
    const cachedPaths = await page.evaluate(async (name) => {
      const requests = await (await caches.open(name)).keys();
      return requests.map((request) => new URL(request.url).pathname.slice(1)).sort();
    }, cacheName);
    assert.deepEqual(cachedPaths, precached, 'every file of the station\'s app is precached, and nothing else');

    await context.setOffline(true);
    await stop(server);
    await page.reload();
    await app.waitForReady();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));

    await app.tap('start');
    await app.waitForScreen('consent');
    await app.tap('consent_yes');
    await app.waitForScreen('question');
    // The year group is required; every other question is skipped, whatever the survey holds.
    const plan = new Proxy({ year_group: { tap: ['option:year_group:year_6'] } },
      { get: (answers, question) => answers[question] || { skip: true } });
    await answerQuestions(app, plan);
    await app.waitForScreen('check');
    await app.tap('submit');
    await app.waitForScreen('thank_you');
    await page.waitForFunction(() => window.yousaidTest.storage.saveState === 'saved', null, { timeout: 10000 });

    await page.reload();
    await app.waitForReady();
    const report = await app.report();
    assert.equal(report.stored.length, 1);
    const [response] = storedResponses(report);
    assert.equal(response.status, 'complete');
    assert.equal(response.survey_id, 'pupil');
    assert.deepEqual(response.answers.year_group, { kind: 'option', option_id: 'year_6' });
  } finally {
    if (server.listening) await stop(server);
  }
}, { timeout: 180000 });

browserTest('a new version replaces the old cache once the running app has loaded', async ({ page }) => {
  // A copy of the build stands in for the server being updated to a new release.
  const dir = mkdtempSync(join(tmpdir(), 'yousaid-offline-'));
  cpSync(WEB_DIR, dir, { recursive: true });
  const first = writeServiceWorker(dir);
  const { server, baseUrl } = await serve(dir);
  const app = new AppDriver(page, baseUrl);
  try {
    await app.open('test=1');
    assert.deepEqual(await waitForServiceWorker(page), [first.cacheName]);

    const marker = `// new version ${Date.now()}\n`;
    appendFileSync(join(dir, 'app.js'), marker);
    const second = writeServiceWorker(dir);
    assert.notEqual(second.cacheName, first.cacheName, 'a changed file gives a new cache name');

    // This load still runs the old version; the new one installs beside it and takes over
    // once the app has loaded, deleting the old cache.
    await page.reload();
    await app.waitForReady();
    await waitForCaches(page, [second.cacheName]);

    // The next load is wholly the new version.
    await page.reload();
    await app.waitForReady();
    assert.deepEqual(await waitForServiceWorker(page), [second.cacheName]);
    const appScript = await page.evaluate(async () => (await fetch('app.js')).text());
    assert.ok(appScript.endsWith(marker), 'app.js comes from the new version');
    const cachedScript = await page.evaluate(async (name) =>
      (await (await caches.open(name)).match('app.js')).text(), second.cacheName);
    assert.ok(cachedScript.endsWith(marker), 'the new cache holds the new app.js');
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
