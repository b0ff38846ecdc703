// What a start and a drawn frame cost in headless Chromium with SwiftShader (a software GPU,
// as on this machine and in CI), at devicePixelRatio 1 and 2: the time from navigation to an
// app that can take answers, and per drawn frame, on the welcome screen and on a question,
// both the page's main-loop time and the CPU time Chromium's GPU process spends drawing it
// (read from /proc, so Linux only). These are what most of the browser tests' time goes on.
// Prints figures; a tablet's real GPU draws far faster, so no budget is set here.
import { chromium } from 'playwright-core';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

const LOADS = 4;
const FRAMES = 40;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const CLOCK_TICKS = existsSync('/proc/self/stat') ? Number(execSync('getconf CLK_TCK').toString()) : 0;

// The parent process id and CPU ticks (user + system) of a process, from /proc.
function processStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // from field 3, "state"
  return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

// Whether this script started the process, directly or through the browser and its zygote.
function startedHere(pid) {
  for (let depth = 0, current = pid; depth < 4 && current > 1; depth++) {
    current = processStat(current).parent;
    if (current === process.pid) return true;
  }
  return false;
}

// CPU milliseconds used so far by the GPU process of the browser this script started, or
// null where /proc cannot tell.
function gpuProcessCpuMs() {
  if (!CLOCK_TICKS) return null;
  let ticks = 0;
  for (const entry of readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=gpu-process')) continue;
      if (startedHere(Number(entry))) ticks += processStat(entry).ticks;
    } catch {
      // The process ended while being read.
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

// Draws FRAMES frames by moving the mouse (each move wakes the app) and returns the median
// main-loop time of the iterations that drew, and the GPU process's CPU time per drawn frame.
async function frameCost(page) {
  const gpuBefore = gpuProcessCpuMs();
  const firstFrame = await page.evaluate(() => window.yousaidTest.frame);
  await page.evaluate(() => {
    window.__loopCosts = [];
    let started = 0;
    Module.preMainLoop = () => { started = performance.now(); };
    Module.postMainLoop = () => { window.__loopCosts.push([performance.now() - started, window.yousaidTest.frame]); };
  });
  for (let index = 0; index < FRAMES; index++) {
    const before = await page.evaluate(() => window.yousaidTest.frame);
    await page.mouse.move(200 + index * 7, 700 - index * 5);
    // A move is answered by one drawn frame, once the app has settled.
    await page.waitForFunction((frame) => window.yousaidTest.frame > frame && !window.yousaidTest.moreFramesDue,
      before, { polling: 'raf' });
  }
  // Let the GPU process finish the last frame before reading its time.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const gpuAfter = gpuProcessCpuMs();
  const framesDrawn = (await page.evaluate(() => window.yousaidTest.frame)) - firstFrame;
  const gpuPerFrame = gpuBefore === null ? null : (gpuAfter - gpuBefore) / framesDrawn;
  const costs = await page.evaluate(() => window.__loopCosts);
  const drawing = [];
  for (let index = 1; index < costs.length; index++) {
    if (costs[index][1] !== costs[index - 1][1]) drawing.push(costs[index][0]);
  }
  return { median: median(drawing), count: drawing.length, gpuPerFrame, framesDrawn };
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
    if (welcome.gpuPerFrame !== null) {
      console.log(`  DPR ${deviceScaleFactor}: GPU process CPU per drawn frame ${welcome.gpuPerFrame.toFixed(1)} ms on the ` +
        `welcome screen, ${question.gpuPerFrame.toFixed(1)} ms on a question (means over ${welcome.framesDrawn} and ` +
        `${question.framesDrawn} frames)`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
