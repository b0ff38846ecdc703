// What a start and a drawn frame cost in headless Chromium with SwiftShader (a software GPU,
// as on this machine and in CI), at devicePixelRatio 1 and 2: the time from navigation to an
// app that can take answers, and the main loop's time per drawn frame on the welcome screen
// and on a question. These are what most of the browser tests' time goes on. Prints figures;
// a tablet's real GPU draws far faster, so no budget is set here.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

const LOADS = 4;
const FRAMES = 40;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// Draws FRAMES frames by moving the mouse (each move wakes the app) and returns the median
// main-loop time of the iterations that drew.
async function frameCost(page) {
  await page.evaluate(() => {
    window.__loopCosts = [];
    let started = 0;
    Module.preMainLoop = () => { started = performance.now(); };
    Module.postMainLoop = () => { window.__loopCosts.push([performance.now() - started, window.yousaidTest.frame]); };
  });
  for (let index = 0; index < FRAMES / 3; index++) {
    const before = await page.evaluate(() => window.yousaidTest.frame);
    await page.mouse.move(200 + index * 7, 700 - index * 5);
    await page.waitForFunction((frame) => window.yousaidTest.frame > frame + 2 || !window.yousaidTest.moreFramesDue &&
      window.yousaidTest.frame > frame, before, { polling: 'raf' });
  }
  const costs = await page.evaluate(() => window.__loopCosts);
  const drawing = [];
  for (let index = 1; index < costs.length; index++) {
    if (costs[index][1] !== costs[index - 1][1]) drawing.push(costs[index][0]);
  }
  return { median: median(drawing), count: drawing.length };
}

const server = await startServer(resolve(process.env.YOUSAID_WEB_DIR || 'build/wasm/web'), 0);
const base = `http://127.0.0.1:${server.address().port}/?test=1&survey=pupil`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const deviceScaleFactor of [1, 2]) {
    const loads = [];
    let welcome = null;
    let question = null;
    for (let load = 0; load < LOADS; load++) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor, hasTouch: true });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(base);
      await page.waitForFunction(() => window.yousaidTest && window.yousaidTest.storage && window.yousaidTest.storage.open,
        null, { timeout: 30000 });
      loads.push(Date.now() - started);
      if (load === LOADS - 1) {
        welcome = await frameCost(page);
        // Start, then yes to taking part, by keyboard through the accessible layer.
        for (const [name, screen] of [['Start', 'consent'], ['Yes, I am happy to take part', 'question']]) {
          await page.getByRole('main').getByRole('button', { name, exact: true }).press('Enter');
          await page.waitForFunction((wanted) => window.yousaidTest.screen === wanted, screen);
        }
        question = await frameCost(page);
      }
      await context.close();
    }
    console.log(`  DPR ${deviceScaleFactor}: navigation to ready ${median(loads)} ms (median of ${LOADS} fresh contexts; ` +
      `${loads.join(', ')})`);
    console.log(`  DPR ${deviceScaleFactor}: main loop per drawn frame ${welcome.median.toFixed(1)} ms on the welcome ` +
      `screen, ${question.median.toFixed(1)} ms on a question (medians of ${welcome.count} and ${question.count} frames)`);
  }
} finally {
  await browser.close();
  server.close();
}
