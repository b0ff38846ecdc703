// A response that shows "saved" survives the tablet dying at once, twenty times over, on one
// profile. Two ways of dying take turns:
// - the whole browser is killed (a flat battery, the browser crashing), and is started again;
// - only the tab is killed (the tab crashing, or the system reclaiming its memory, which
//   tablets do to background tabs), and the app is opened again in the same browser.
// It runs once more, for fewer rounds, on a sealing station (an officer's public key loaded):
// what shows "saved" there is a sealed record, and it survives the same way.
// In a file of its own so that it runs beside the other browser tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AppDriver, completeQuickPupilSurvey, storedResponses } from './harness.mjs';
import { makePublicKeyFile, makeSealingStation } from './sealing_steps.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

async function survivesKills(rounds, { sealing = false } = {}) {
  const server = await startServer(process.env.YOUSAID_WEB_DIR || 'build/wasm/web', 0);
  const url = `http://127.0.0.1:${server.address().port}/?test=1&survey=pupil`;
  const profile = mkdtempSync(join(tmpdir(), 'yousaid-kill-'));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    // DPR 1: what is under test is storage, not drawing, and it keeps twenty rounds quick.
    viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, hasTouch: true,
  });
  // Every process of this browser (zygote children join their arguments with spaces).
  const commandLine = (pid) => { try { return readFileSync(`/proc/${pid}/cmdline`, 'latin1'); } catch { return ''; } };
  const browserProcessIds = () => readdirSync('/proc').filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => commandLine(pid).split(/[\0 ]/).includes(`--user-data-dir=${profile}`));
  const openApp = async (context) => {
    const page = await context.newPage();
    const app = new AppDriver(page, url);
    await page.goto(url);
    await app.waitForReady();
    return app;
  };
  const key = sealing ? makePublicKeyFile('Sam Patel') : null;
  let context = null;
  const kinds = { browser: 0, tab: 0 };
  // A step that never ends fails here, naming the round and the step, and not only when the
  // whole test times out.
  const step = async (what, promise) => {
    let timer;
    const stalled = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer after 60 s`)), 60000);
    });
    try {
      return await Promise.race([promise, stalled]);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    for (let round = 1; round <= rounds; round++) {
      if (!context) context = await step(`round ${round}: starting the browser`, launch());
      const app = await step(`round ${round}: opening the app`, openApp(context));
      if (sealing && round === 1) await step('loading the officer\'s key', makeSealingStation(app, key));
      assert.equal((await app.report()).stored.length, round - 1, `round ${round}: every earlier response is still there`);
      await step(`round ${round}: the survey`, completeQuickPupilSurvey(app));
      // "saved" is on screen: kill at once.
      const wholeBrowser = round % 2 === 1;
      if (wholeBrowser) {
        const pids = browserProcessIds();
        assert.ok(pids.length > 0, `round ${round}: found the browser's processes`);
        for (const pid of pids) {
          try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone already */ }
        }
        await step(`round ${round}: Playwright letting go of the dead browser`, context.close().catch(() => {}));
        context = null;
      } else {
        // Chromium's own way to crash a tab's renderer at once (a SIGKILL of every renderer
        // would also kill the spare one Chromium is about to give the next tab). The dead tab
        // stays open, as a crashed tab does, and the next round opens the app in a new one.
        const tabDied = app.page.waitForEvent('crash');
        const session = await context.newCDPSession(app.page);
        session.send('Page.crash').catch(() => { /* the renderer dies before it answers */ });
        await step(`round ${round}: the tab dying`, tabDied);
      }
      kinds[wholeBrowser ? 'browser' : 'tab'] += 1;
    }
    assert.deepEqual(kinds, { browser: rounds / 2, tab: rounds / 2 });
    if (!context) context = await step('the last start', launch());
    const app = await step('opening the app a last time', openApp(context));
    const stored = storedResponses(await app.report());
    assert.equal(stored.length, rounds);
    if (sealing) {
      assert.ok(stored.every((response) => response.status === 'complete' && response.sealed.length > 0 &&
        Object.keys(response.answers).length === 0), 'every response is sealed');
    } else {
      assert.ok(stored.every((response) => response.status === 'complete' && response.answers.year_group.option_id === 'year_9'));
    }
    assert.equal(new Set(stored.map((response) => response.id)).size, rounds);
    await context.close();
    context = null;
  } finally {
    if (context) await context.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
    if (key) key.remove();
  }
}

test('a submit that shows "saved" survives the browser or the tab being killed at once, twenty times over', { timeout: 600000 },
  () => survivesKills(20));

test('on a sealing station too, a sealed response that shows "saved" survives being killed at once', { timeout: 300000 },
  () => survivesKills(4, { sealing: true }));
