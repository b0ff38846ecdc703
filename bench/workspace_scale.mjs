// The officer's workspace at an authority's scale, in headless Chromium: two waves of
// 100,000 pupil responses each (synthetic, from a fixed seed, valid for the pupil survey),
// imported through the officer's page as a person would (file chooser, one file at a time),
// then the workspace opened and a setting changed. Prints each figure beside its budget
// (issue 15, "Speed, memory and size"); nothing here fails on time.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { AppDriver } from '../tests/browser/harness.mjs';
import { chooseStationPin, openOfficerArea } from '../tests/browser/staff_steps.mjs';
import { LAPTOP, VIEWS } from '../tests/browser/workspace_steps.mjs';
import { ROWS, WAVES, writeSyntheticWaves } from './synthetic_pupils.mjs';

const SETTING_REPEATS = 5;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// ---- Measuring in the page ---------------------------------------------------------------

// Keeps, for every frame report the app publishes, the time it was published; a wait for a
// condition on the report then reads the time of the first report that met it, not the time
// Playwright's polling noticed. Also counts the gaps between animation frames (how long the
// page was held) and the import's progress captions, between start() and stop().
function installProbe() {
  let report = window.yousaidTest;
  window.__reports = { latest: report, at: performance.now() };
  Object.defineProperty(window, 'yousaidTest', {
    configurable: true,
    get: () => report,
    set: (value) => {
      report = value;
      window.__reports.latest = value;
      window.__reports.at = performance.now();
      if (window.__probe && window.__probe.running) {
        const match = /Importing [^\n]*?: (\d+)%/.exec(value.drawnText || '');
        if (match && !window.__probe.percents.has(Number(match[1]))) {
          window.__probe.percents.add(Number(match[1]));
          window.__probe.percentTimes.push([Number(match[1]), performance.now() - window.__probe.started]);
        }
        window.__probe.frames.push([performance.now() - window.__probe.started, value.moreFramesDue, match ? Number(match[1]) : -1]);
        for (const [name, test] of Object.entries(window.__probe.waits)) {
          if (!(name in window.__probe.met) && test(value)) window.__probe.met[name] = performance.now();
        }
      }
    },
  });
  window.__startProbe = (waits) => {
    const probe = { running: true, started: performance.now(), gaps: [], longGaps: [], longTasks: [], percents: new Set(), percentTimes: [], frames: [], met: {},
      waits: Object.fromEntries(Object.entries(waits).map(([name, source]) => [name, new Function('report', `return ${source};`)])) };
    window.__probe = probe;
    let last = performance.now();
    const onFrame = (now) => {
      if (!probe.running) return;
      probe.gaps.push(now - last);
      if (now - last > 100) probe.longGaps.push([last - probe.started, now - last]);
      last = now;
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    try {
      probe.observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) probe.longTasks.push(entry.duration); });
      probe.observer.observe({ entryTypes: ['longtask'] });
    } catch { /* no long task timing */ }
  };
  window.__stopProbe = () => {
    const probe = window.__probe;
    probe.running = false;
    if (probe.observer) probe.observer.disconnect();
    return { started: probe.started, gaps: probe.gaps, longGaps: probe.longGaps, percentTimes: probe.percentTimes, frames: probe.frames, longTasks: probe.longTasks, percents: [...probe.percents], met: probe.met };
  };
}

// Starts the probe with named conditions (JavaScript expressions on `report`), runs `act`,
// waits until every condition has been met, and returns the probe's record.
async function measured(page, waits, act, timeout = 60000) {
  await page.evaluate((conditions) => window.__startProbe(conditions), waits);
  await act();
  await page.waitForFunction((names) => names.every((name) => name in window.__probe.met), Object.keys(waits),
    { timeout, polling: 50 });
  return page.evaluate(() => window.__stopProbe());
}

// A tap on an item with the mouse-free finger, as app.tap, but with the probe timing from the
// moment the finger lifts (window.__lastInputAt, counted ahead of the app's own handlers).
async function tapMeasured(app, item, waits) {
  const { x, y } = await app.centreOf(item);
  const seen = await app.inputsSeen();
  const record = await measured(app.page, waits, () => app.page.touchscreen.tap(x, y));
  await app.answeredInput(seen + 1);
  const tappedAt = await app.page.evaluate(() => window.__lastInputAt);
  return { ...record, tappedAt };
}

async function importFile(app, file, expected) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap('choose_files')]);
  const record = await measured(app.page, {
    done: `report.staff.officerResponses >= ${expected} && report.drawnText.includes('Everything is saved on this device.')`,
  }, () => chooser.setFiles(file));
  const seconds = (record.met.done - record.started) / 1000;
  const longest = Math.max(...record.gaps);
  const over = record.gaps.filter((gap) => gap > 100).length;
  return { seconds, longest, over, frames: record.gaps.length, percents: record.percents.length,
    longTasks: record.longTasks, longGaps: record.longGaps, percentTimes: record.percentTimes, count: (await app.report()).staff.officerResponses };
}

// ---- The run -----------------------------------------------------------------------------

const folder = mkdtempSync(join(tmpdir(), 'yousaid-scale-'));
const files = writeSyntheticWaves(folder);
for (const file of files) {
  console.log(`  data: ${file.split('/').pop()}, ${ROWS.toLocaleString('en-GB')} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
}

const server = await startServer(resolve(process.env.YOUSAID_WEB_DIR || 'build/wasm/web'), 0);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const lines = [];
const say = (line) => { lines.push(line); console.log(line); };
try {
  const context = await browser.newContext(LAPTOP);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  pageerror: ${error.message}`));
  const app = new AppDriver(page, `http://127.0.0.1:${server.address().port}/`);
  await app.open('test=1', 'officer.html');
  await page.evaluate(installProbe);
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');

  // YOUSAID_BENCH_PROFILE=<file>: a Chromium CPU profile of the first import, to open in
  // DevTools (function names need a build linked with --profiling-funcs).
  const profiling = process.env.YOUSAID_BENCH_PROFILE;
  const cdp = profiling ? await context.newCDPSession(page) : null;
  for (const [index, file] of files.entries()) {
    if (cdp && index === 0) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const result = await importFile(app, file, ROWS * (index + 1));
    if (cdp && index === 0) writeFileSync(profiling, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const longTask = result.longTasks.length ? `; longest long task ${Math.max(...result.longTasks).toFixed(0)} ms` : '';
    say(`  import wave ${WAVES[index]}: ${result.seconds.toFixed(2)} s (budget 3 s); ${result.count.toLocaleString('en-GB')} held`);
    say(`    longest frame ${result.longest.toFixed(0)} ms (budget 100 ms), ${result.over} of ${result.frames} frames over ` +
      `100 ms${longTask}; progress captions seen at ${result.percents} distinct percentages`);
    if (process.env.YOUSAID_BENCH_DETAIL) {
      console.log(`    long frames (start ms, length ms): ${JSON.stringify(result.longGaps.map((pair) => pair.map(Math.round)))}`);
      console.log(`    percentages first seen (percent, ms): ${JSON.stringify(result.percentTimes.map((pair) => pair.map(Math.round)))}`);
    }
  }

  const heap = await page.evaluate(() => window.Module.HEAPU8.buffer.byteLength);
  say(`  WebAssembly memory after both imports ${(heap / 2 ** 20).toFixed(0)} MB (budget 256 MB; it only grows, so this is the peak)`);
  const storeBytes = await page.evaluate(() => {
    let total = 0;
    const walk = (path) => {
      for (const name of window.Module.FS.readdir(path)) {
        if (name === '.' || name === '..') continue;
        const stat = window.Module.FS.stat(`${path}/${name}`);
        if (window.Module.FS.isDir(stat.mode)) walk(`${path}/${name}`); else total += stat.size;
      }
    };
    try { walk('/data/officer_store'); } catch { return null; }
    return total;
  });
  if (storeBytes !== null) {
    say(`  officer store on the device ${(storeBytes / 1e6).toFixed(1)} MB, ${(storeBytes / (2 * ROWS)).toFixed(0)} bytes per response`);
  }

  const opened = await tapMeasured(app, 'import_to_workspace', {
    shown: "report.screen === 'workspace' && /Wave 2025: [0-9,]+ complete/.test(report.drawnText)",
  });
  say(`  opening the workspace: ${(opened.met.shown - opened.tappedAt).toFixed(0)} ms to the first figures (budget 300 ms)`);

  await app.click(`workspace_view:${VIEWS.data}`);
  await app.waitUntilIdle(200);
  const changes = [];
  for (let repeat = 0; repeat < SETTING_REPEATS; repeat++) {
    const before = (await app.item('include_dont_know')).checked;
    const record = await tapMeasured(app, 'include_dont_know', {
      redrawn: `!report.moreFramesDue && report.items.some((item) => item.id === 'include_dont_know' && item.checked === ${!before})`,
    });
    // The tap's own frame shows the tile switched; the figures are worked out before the frame
    // after it. Timed to the last frame drawn before the page goes quiet.
    await app.settle(300);
    changes.push((await page.evaluate(() => window.__reports.at)) - record.tappedAt);
    if (process.env.YOUSAID_BENCH_DETAIL) {
      console.log(`    tap at ${Math.round(record.tappedAt - record.started)} ms; frames (ms, more due): ${
        JSON.stringify(record.frames.map(([at, due]) => [Math.round(at), due]))}`);
    }
  }
  say(`  changing a setting (include "don't know"): median ${median(changes).toFixed(0)} ms to the last frame redrawn ` +
    `(budget 150 ms; ${changes.map((ms) => ms.toFixed(0)).join(', ')})`);
  const breakdowns = [];
  for (const [item, result] of [['add_breakdown:school', 'remove_breakdown:school'], ['remove_breakdown:school', 'add_breakdown:school']]) {
    const record = await tapMeasured(app, item, {
      redrawn: `!report.moreFramesDue && report.items.some((item) => item.id === '${result}')`,
    });
    await app.settle(300);
    breakdowns.push((await page.evaluate(() => window.__reports.at)) - record.tappedAt);
  }
  say(`  adding, then removing, the school breakdown: ${breakdowns.map((ms) => ms.toFixed(0)).join(' ms, ')} ms (budget 150 ms)`);
  await context.close();
} finally {
  await browser.close();
  server.close();
  rmSync(folder, { recursive: true, force: true });
}
