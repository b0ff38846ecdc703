// Sealing in headless Chromium (issue 18, "Speed and size"), as people use it:
//   (a) a station tablet with an officer's key sealing each response as it is saved: the app
//       times the seal itself (the frame report's storage.lastSealMs, the platform clock
//       around SealResponse in App::Save), for a pupil response with every question answered
//       and a text typed;
//   (b) the officer's page opening a transfer file of 100,000 sealed responses: a small sealed
//       file imported first (the figures open only once something is held), the key unlocked
//       on the Keys tab, then the big file imported with "Import more files" under Settings,
//       so that its answers are opened as they are read: timed from the file chosen until
//       the import's outcome is drawn, with whether its bar ("Importing ...: opening sealed
//       answers, N%") was drawn in view, and the longest gap between frames;
//   (c) Argon2id unlocking the private key file, as the app says it took.
// The key comes from the native yousaid_keygen, the big file from bench_sealing
// --write-transfer (both in the build folder beside the web build). Prints each figure beside
// its target; nothing here fails on time. YOUSAID_BENCH_SEALED_ROWS sets the file's size.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { AppDriver, answerQuestions, ARTIFACTS, TABLET, WEB_DIR } from '../tests/browser/harness.mjs';
import { makeSealingStation, unlockWith, waitForText } from '../tests/browser/sealing_steps.mjs';
import { chooseStationPin, openOfficerArea, shot } from '../tests/browser/staff_steps.mjs';
import { chooseFiles, chooseFilesToImport, LAPTOP, VIEWS } from '../tests/browser/workspace_steps.mjs';

const ROWS = Number(process.env.YOUSAID_BENCH_SEALED_ROWS || 100000);
const STATION_RESPONSES = 3;
const PASSPHRASE = 'sealing bench passphrase';
const OFFICER = 'Bench Officer';
const BUILD = resolve(WEB_DIR, '..', '..');

// A native tool from the build folder: the release build's (scripts/bench.sh), else the
// test build's.
function tool(name) {
  const found = ['native-release', 'native'].map((dir) => join(BUILD, dir, name)).find((path) => existsSync(path));
  if (!found) throw new Error(`${name} is not built in ${BUILD}/native-release or ${BUILD}/native`);
  return found;
}

// An officer's key pair: both files, in `folder`.
function makeKey(folder) {
  const printed = execFileSync(tool('yousaid_keygen'), ['--name', OFFICER, '--out', folder], {
    env: { ...process.env, YOUSAID_KEY_PASSPHRASE: PASSPHRASE }, encoding: 'utf8',
  });
  const [, id] = printed.match(/key ([0-9a-f]{16})/);
  return { id, path: join(folder, `officer_key_${id}.public.json`), privatePath: join(folder, `officer_key_${id}.private.json`) };
}

// Every question of the pupil survey answered (the first of its options, a number, a typed
// text); "worried" among the feelings, so the follow-up is shown and answered too.
function everyAnswer() {
  const survey = JSON.parse(readFileSync('assets/surveys/pupil.json', 'utf8'));
  const plan = {};
  for (const question of survey.sections.flatMap((section) => section.questions)) {
    const options = typeof question.options === 'string' ? survey.option_sets[question.options].options : (question.options || []);
    const first = options.find((option) => !option.non_substantive);
    if (question.kind === 'short_text') plan[question.id] = { type: 'More clubs after school, and a quiet room at lunch' };
    else if (question.kind === 'number') plan[question.id] = { tap: [`value:${question.id}:${question.min + 5}`] };
    else if (question.kind === 'rating_0_10') plan[question.id] = { tap: [`value:${question.id}:8`] };
    else if (question.id === 'feelings') plan[question.id] = { tap: ['option:feelings:happy', 'option:feelings:worried'] };
    else plan[question.id] = { tap: [`option:${question.id}:${first.id}`] };
  }
  return plan;
}

// Times, in the page's clock, at which the frame reports first met each named condition (a
// JavaScript expression on `report`), and every "Opening sealed answers: N%" caption drawn.
function watchReports(conditions) {
  const watch = { started: performance.now(), met: {}, percents: [], inView: [], longestGap: 0, longGaps: [], caption: '' };
  const tests = Object.entries(conditions).map(([name, source]) => [name, new Function('report', `return ${source};`)]);
  let report = window.yousaidTest;
  let last = performance.now();
  Object.defineProperty(window, 'yousaidTest', {
    configurable: true,
    get: () => report,
    set: (value) => {
      report = value;
      const now = performance.now();
      watch.longestGap = Math.max(watch.longestGap, now - last);
      // Each long gap, with the progress caption the frame before it showed: which stage held the page.
      if (now - last > 250) watch.longGaps.push([Math.round(now - last), watch.caption]);
      watch.caption = (/(Importing [^\n]*|Opening sealed answers[^\n]*)/.exec(value.drawnText || '') || [''])[0];
      last = now;
      const bar = /(?:Opening sealed answers: |opening sealed answers, )(\d+)%/.exec(value.drawnText || '');
      if (bar && !watch.percents.some(([percent]) => percent === Number(bar[1]))) {
        watch.percents.push([Number(bar[1]), now - watch.started]);
        // Drawn is not seen: the caption's place, against the window (it may be scrolled away).
        const caption = value.texts.find((item) => item.label.endsWith(bar[0]));
        if (caption) watch.inView.push(caption.y >= 0 && caption.y + caption.height <= value.viewport.height);
      }
      for (const [name, test] of tests) if (!(name in watch.met) && test(value)) watch.met[name] = now - watch.started;
    },
  });
  // The page's own animation frames: a long gap between them is the page held, whatever the
  // app draws (it draws nothing while it waits, e.g. while the browser reads a chosen file).
  watch.longestAnimationGap = 0;
  let lastAnimation = performance.now();
  const animate = (now) => {
    watch.longestAnimationGap = Math.max(watch.longestAnimationGap, now - lastAnimation);
    lastAnimation = now;
    requestAnimationFrame(animate);
  };
  requestAnimationFrame(animate);
  window.__watch = watch;
}

async function sealOnStation(browser, base, key, say) {
  const context = await browser.newContext(TABLET);
  const page = await context.newPage();
  const app = new AppDriver(page, base);
  await app.open('test=1');
  await makeSealingStation(app, key);
  const plan = everyAnswer();
  const seals = [];
  const saves = [];
  let shown = [];
  for (let index = 0; index < STATION_RESPONSES; index++) {
    await app.startSurvey();
    shown = await answerQuestions(app, plan);
    await app.waitForScreen('check');
    const tapped = Date.now();
    await app.tap('submit');
    await page.waitForFunction((count) => window.yousaidTest.stored.length === count &&
      window.yousaidTest.storage.saveState === 'saved', index + 1);
    saves.push(Date.now() - tapped);
    const report = await app.report();
    seals.push(report.storage.lastSealMs);
    if (index === 0) await shot(page, 'sealing-bench-station-saved');
    // As the sealing station test does: the write in the browser's storage, then a new page.
    await page.waitForFunction(() => !window.Module.yousaidStorage.inFlight &&
      window.Module.yousaidStorage.completed >= window.Module.yousaidStorage.requested);
    await page.reload();
    await app.waitForReady();
  }
  say(`  (a) sealing one pupil response on a station tablet (${shown.length} questions answered, one a typed text; sealed to 1 key): ` +
    `${seals.map((ms) => ms.toFixed(1)).join(', ')} ms for ${STATION_RESPONSES} responses (target: unnoticed, well ` +
    `under a 16 ms frame; the page's clock counts in steps of 0.1 ms); the tap on Send to "saved", storage ` +
    `included, as the bench saw it: ${saves.join(', ')} ms`);
  await context.close();
}

// The officer's page: a small sealed file imported locked, the key unlocked, then the big file
// imported from the figures with the key unlocked, its answers opened as they are read.
async function openOnOfficerPage(browser, base, key, small, file, say) {
  const context = await browser.newContext(LAPTOP);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  pageerror: ${error.message}`));
  const app = new AppDriver(page, base);
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await chooseFilesToImport(app, [small]);
  await page.waitForFunction(() => window.yousaidTest.staff.officerResponses > 0, null, { timeout: 60000 });
  await app.tap('import_to_workspace');
  await app.waitForScreen('workspace');
  await unlockWith(app, key, PASSPHRASE);
  const texts = await waitForText(app, /^Unlocked /, 60000);
  const argon = Number(texts.match(/Unlocked [^\n]*? in (\d+) ms/)[1]);
  say(`  (c) Argon2id unlock of the private key file (64 MiB, 2 passes), as the app says: ${argon} ms (target: about a second)`);
  await page.waitForFunction(() => !/Opening sealed answers/.test(window.yousaidTest.drawnText), null, { timeout: 60000 });

  await app.click(`workspace_view:${VIEWS.data}`);
  await app.waitUntilIdle(200);
  const name = file.split('/').pop().replace(/\./g, '\\.');
  await page.evaluate(watchReports, {
    read: `/opening sealed answers, /.test(report.drawnText)`,
    imported: `report.texts.some((item) => /^${name}: [\\d,]+ added/.test(item.label))`,
  });
  await chooseFiles(app, 'workspace_import', [file]);
  // What the officer sees meanwhile.
  await page.waitForFunction(() => 'read' in window.__watch.met, null, { timeout: 600000, polling: 200 })
    .then(() => shot(page, 'sealing-bench-import-opening'), () => {});
  try {
    await page.waitForFunction(() => 'imported' in window.__watch.met, null, { timeout: 600000, polling: 500 });
  } catch (error) {
    console.log(`  the import did not finish; on screen: ${(await app.report()).drawnText.replace(/\s+/g, ' ').slice(0, 600)}`);
    await shot(page, 'sealing-bench-import-failed');
    throw error;
  }
  const watch = await page.evaluate(() => window.__watch);
  const outcome = (await app.report()).texts.map((item) => item.label).find((label) => new RegExp(`^${name}: `).test(label));
  // Saving to the browser's storage goes on after the import is done.
  const savedFrom = Date.now();
  const saved = await page.waitForFunction(() => !window.Module.yousaidStorage.inFlight &&
    window.Module.yousaidStorage.completed >= window.Module.yousaidStorage.requested, null, { timeout: 120000, polling: 200 })
    .then(() => `${((Date.now() - savedFrom) / 1000).toFixed(2)} s after`, () => 'not within two minutes after');
  await shot(page, 'sealing-bench-imported-unlocked');
  await app.click(`workspace_view:${VIEWS.overview}`);
  await app.waitUntilIdle(200);
  const figures = await page.evaluate(() => window.yousaidTest.drawnText);
  const first = watch.percents[0];
  say(`  (b) importing ${ROWS.toLocaleString('en-GB')} sealed responses with the key unlocked, each opened as it is read: ` +
    `${(watch.met.imported / 1000).toFixed(2)} s from the file chosen to "${outcome}" (target: say how long; natively ` +
    `under 10 s); the file read and opening begun at ${((watch.met.read || 0) / 1000).toFixed(2)} s; bar "opening sealed ` +
    `answers" shown: ${watch.percents.length > 0 ? 'yes' : 'no'}, first at ${first ? (first[1] / 1000).toFixed(2) : '-'} s ` +
    `(${first ? first[0] : '-'}%), at ${watch.percents.length} distinct percentages, in the window's view at ` +
    `${watch.inView.filter(Boolean).length} of ${watch.inView.length} of them; longest gap between frames ` +
    `${watch.longestGap.toFixed(0)} ms (over 250 ms: ${watch.longGaps.map(([gap, caption]) => `${gap} ms after "${caption}"`).join('; ') || 'none'}); ` +
    `longest gap between the page's animation frames (the page held) ${watch.longestAnimationGap.toFixed(0)} ms; ` +
    `saved in the browser's storage ${saved}; sealed answers still shown ` +
    `afterwards: ${/Sealed answers/.test(figures) ? 'yes' : 'no'}`);
  await context.close();
}

const folder = mkdtempSync(join(tmpdir(), 'yousaid-sealing-bench-'));
const server = await startServer(WEB_DIR, 0);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const say = (line) => console.log(line);
mkdirSync(ARTIFACTS, { recursive: true });
try {
  const key = makeKey(folder);
  const file = join(folder, `sealed_${ROWS}.yousaid`);
  const small = join(folder, 'sealed_20.yousaid');
  const started = Date.now();
  execFileSync(tool('bench_sealing'), ['--write-transfer', file, '--public-key', key.path, '--responses', String(ROWS)],
    { stdio: 'inherit' });
  execFileSync(tool('bench_sealing'), ['--write-transfer', small, '--public-key', key.path, '--responses', '20'],
    { stdio: 'inherit' });
  say(`  data: ${ROWS.toLocaleString('en-GB')} sealed pupil responses, ${(statSync(file).size / 1e6).toFixed(1)} MB, ` +
    `written natively in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const base = `http://127.0.0.1:${server.address().port}/`;
  await sealOnStation(browser, base, key, say);
  await openOnOfficerPage(browser, base, key, small, file, say);
  say(`  screenshots: ${ARTIFACTS}/sealing-bench-*.png`);
} finally {
  await browser.close();
  server.close();
  rmSync(folder, { recursive: true, force: true });
}
