// A response that shows "saved" survives the tablet dying at once (a flat battery, a crash):
// the whole browser is killed right after each submit, twenty times, on one profile.
// In a file of its own so that it runs beside the other browser tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AppDriver, completeQuickPupilSurvey, storedResponses } from './harness.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

test('a submit that shows "saved" survives the browser being killed at once, twenty times over', { timeout: 600000 }, async () => {
  const server = await startServer(process.env.YOUSAID_WEB_DIR || 'build/wasm/web', 0);
  const url = `http://127.0.0.1:${server.address().port}/?test=1&survey=pupil`;
  const profile = mkdtempSync(join(tmpdir(), 'yousaid-kill-'));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    // DPR 1: what is under test is storage, not drawing, and it keeps twenty launches quick.
    viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, hasTouch: true,
  });
  try {
    for (let round = 1; round <= 20; round++) {
      const context = await launch();
      const page = context.pages()[0] || await context.newPage();
      const app = new AppDriver(page, url);
      await page.goto(url);
      await app.waitForReady();
      assert.equal((await app.report()).stored.length, round - 1, `round ${round}: every earlier response is still there`);
      await completeQuickPupilSurvey(app);
      // "saved" is on screen: kill the whole browser, as a flat battery would.
      const pids = execSync(`pgrep -f -- '--user-data-dir=${profile}' || true`).toString().trim().split('\n').filter(Boolean);
      assert.ok(pids.length > 0, 'found the browser processes');
      execSync(`kill -9 ${pids.join(' ')} 2>/dev/null || true`);
      await context.close().catch(() => {});
    }
    const context = await launch();
    const page = context.pages()[0] || await context.newPage();
    const app = new AppDriver(page, url);
    await page.goto(url);
    await app.waitForReady();
    const stored = storedResponses(await app.report());
    assert.equal(stored.length, 20);
    assert.ok(stored.every((response) => response.status === 'complete' && response.answers.year_group.option_id === 'year_9'));
    assert.equal(new Set(stored.map((response) => response.id)).size, 20);
    await context.close();
  } finally {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
