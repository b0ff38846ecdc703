// The officer's workspace: the README's demo report, made in the browser as an officer
// would make it (import the CSVs, load the population and KPI files, choose the breakdowns),
// shows the CLI's figures on screen and downloads files byte-identical to the CLI's.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ARTIFACTS, browserTest, decodePng, TABLET } from './harness.mjs';
import { chooseStationPin, openOfficerArea, shot, signInAsVolunteer, STATION_PIN } from './staff_steps.mjs';
import { chooseDemoSettings } from './workspace_steps.mjs';

const DEMO = resolve('assets/demo');
const EXPECTED_SUMS = new Map(readFileSync(resolve('tests/fixtures/report_demo/SHA256SUMS'), 'utf8').trim().split('\n')
  .map((line) => line.split(/\s+/)).map(([sum, name]) => [name, sum]));
// An officer's laptop: 1366x768 at DPR 1, used with the mouse here (its screen takes touch
// too, which the shared staff steps use to reach the officer's area).
const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, hasTouch: true };
const VIEWS = { overview: 0, returnRates: 1, satisfaction: 2, means: 3, targets: 4, downloads: 5, data: 9 };

async function chooseFiles(app, item, files) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap(item)]);
  await chooser.setFiles(files);
}

async function showView(app, view) {
  await app.click(`workspace_view:${VIEWS[view]}`);
  await app.waitUntilIdle(200);
}

// Every view, as a screenshot named `${prefix}-${view}` (looked at by a person: labels that
// overlap, clipped words, invisible whiskers).
async function shotEveryView(app, page, prefix) {
  for (const view of Object.keys(VIEWS)) {
    await showView(app, view);
    await shot(page, `${prefix}-${view}`);
  }
}

// The Okabe-Ito colours of the charts' first two waves (core/analytics/chart.cpp): the
// baseline's bars are sky blue, the reported wave's blue.
const SKY_BLUE = [86, 180, 233];
const BLUE = [0, 114, 178];

// Pixels of `colour` (within a small tolerance) in a CSS-pixel rectangle of the page, clipped
// to the viewport and scaled by the device pixel ratio.
async function colourPixels(page, rect, colour, scale) {
  const png = decodePng(await page.screenshot());
  let count = 0;
  const bottom = Math.min(png.height, Math.floor((rect.y + rect.height) * scale));
  const right = Math.min(png.width, Math.floor((rect.x + rect.width) * scale));
  for (let y = Math.max(0, Math.floor(rect.y * scale)); y < bottom; y++) {
    for (let x = Math.max(0, Math.floor(rect.x * scale)); x < right; x++) {
      const pixel = png.pixel(x, y);
      if (pixel.every((value, at) => Math.abs(value - colour[at]) <= 3)) count++;
    }
  }
  return count;
}

// The area of the chart whose title starts with `title`: the chart publishes one text item,
// its title and what it shows, over the whole of it.
async function chartArea(app, title) {
  const report = await app.report();
  const chart = report.texts.find((item) => item.label.startsWith(title));
  assert.ok(chart, `no chart "${title}" among ${report.texts.map((item) => item.label).join(' | ')}`);
  return chart;
}

// Scrolls the view down with the mouse wheel, as a person would, until the drawn text (which
// holds only what is in view) matches `pattern`; returns that text.
async function scrollUntilDrawn(app, page, pattern) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const drawn = (await app.report()).drawnText;
    if (pattern.test(drawn)) return drawn;
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, 360);
    await app.waitUntilIdle(150);
  }
  assert.fail(`nothing drawn matches ${pattern}`);
}

async function textsOnScreen(app) {
  const report = await app.report();
  return report.texts.map((item) => item.label).join('\n');
}

// The rows of a CSV the CLI writes (the rows used here have no quoted cells), as { column: cell }.
function csvRows(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, at) => [names[at], cell])));
}

function csvRow(file, match) {
  const found = csvRows(file).find((row) => Object.entries(match).every(([key, value]) => row[key] === value));
  assert.ok(found, `no row ${JSON.stringify(match)} in ${file}`);
  return found;
}

const DEMO_FILES = [join(DEMO, 'pupil_responses_2024.csv'), join(DEMO, 'pupil_responses_2025.csv')];

// Imports response files (the demo's two waves unless told) and opens the workspace once the
// store holds `responses`.
async function importDemo(app, files = DEMO_FILES, responses = 1624) {
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');
  await chooseFiles(app, 'choose_files', files);
  await app.page.waitForFunction((count) => window.yousaidTest.staff.officerResponses === count, responses,
    { timeout: 30000 });
  await app.page.waitForFunction(() => window.yousaidTest.drawnText.includes('Everything is saved on this device.'));
  await app.tap('import_to_workspace');
  return app.waitForScreen('workspace');
}

// A fresh officer's page with the README's demo report, every view screenshotted as
// `${prefix}-${view}`. The figures are on the officer's page, which opens at the staff PIN pad.
async function openDemoWorkspace(app, page, prefix) {
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await importDemo(app);
  await chooseDemoSettings(app, page);
  await shotEveryView(app, page, prefix);
}

browserTest('an officer sees the CLI\'s figures in the browser and downloads its files byte for byte', async ({ app, page }) => {
  await openDemoWorkspace(app, page, 'workspace-1366');

  // Every file, downloaded, is the CLI's byte for byte (the CLI's demo output is pinned by
  // tests/fixtures/report_demo/SHA256SUMS).
  await showView(app, 'downloads');
  await shot(page, 'workspace-downloads');
  const downloaded = (name) => join(ARTIFACTS, `workspace-${name}`);
  for (const [name, expected] of EXPECTED_SUMS) {
    const [download] = await Promise.all([page.waitForEvent('download'), app.click(`download:${name}`)]);
    assert.equal(download.suggestedFilename(), name);
    await download.saveAs(downloaded(name));
    const sum = createHash('sha256').update(readFileSync(downloaded(name))).digest('hex');
    assert.equal(sum, expected, `${name} differs from the CLI's`);
  }

  // report.html (the CLI's bytes, above, with the same input files and their SHA-256): one
  // self-contained page, no reference to anything outside.
  const htmlText = readFileSync(downloaded('report.html'), 'utf8');
  assert.match(htmlText, /^<!DOCTYPE html>/i);
  assert.ok(!/https?:|src=|href=|url\(|<script|<link/i.test(htmlText), 'report.html refers to nothing outside itself');
  assert.ok(htmlText.includes('<svg'), 'report.html holds its charts as inline SVG');

  // The overview: responses per wave and the KPI statuses.
  await showView(app, 'overview');
  let texts = await textsOnScreen(app);
  const returns2025 = csvRow(downloaded('return_rates.csv'), { wave: '2025', dimension: 'all' });
  assert.ok(texts.includes(`Wave 2025: ${Number(returns2025.complete).toLocaleString('en-GB')} complete, ` +
    `${returns2025.partial} partial, ${returns2025.refused} said no; return rate (RR1) ` +
    `${Number(returns2025.rr1).toFixed(1)}%`), texts);
  const statuses = {};
  for (const row of csvRows(downloaded('kpis.csv'))) statuses[row.status] = (statuses[row.status] || 0) + 1;
  for (const [status, count] of Object.entries(statuses)) assert.ok(texts.includes(`${count} ${status}`), texts);
  await shot(page, 'workspace-overview');

  // Satisfaction for everyone: feel_safe in 2025, with its interval and its change on 2024,
  // read as one sentence (the chart's row, which the table speaks).
  await showView(app, 'satisfaction');
  await shot(page, 'workspace-satisfaction');
  texts = await textsOnScreen(app);
  const safe = csvRow(downloaded('satisfaction.csv'), { wave: '2025', dimension: 'all', question: 'feel_safe' });
  const change = csvRow(downloaded('change.csv'), { dimension: 'all', question: 'feel_safe' });
  const points = Number(change.change_pp);
  const sentence = `I feel safe, 2025: ${Number(safe.percent).toFixed(1)}% positive, 95% interval ` +
    `${Number(safe.ci_low).toFixed(1)} to ${Number(safe.ci_high).toFixed(1)}, ` +
    `${points > 0 ? 'up' : 'down'} ${Math.abs(points).toFixed(1)} points on 2024, ${change.verdict}; 2024: `;
  assert.ok(texts.includes(sentence), `"${sentence}" not among:\n${texts}`);
  // The charts a person sees: both waves' bars, then (scrolling) percent ticks at round
  // numbers on one line, and the change as diverging bars on an axis of signed points.
  const everyone = await chartArea(app, 'Satisfaction, everyone');
  assert.ok(await colourPixels(page, everyone, SKY_BLUE, 1) > 1000, 'the baseline\'s bars are drawn');
  assert.ok(await colourPixels(page, everyone, BLUE, 1) > 1000, 'the reported wave\'s bars are drawn');
  await scrollUntilDrawn(app, page, /^\s*0% 20% 40% 60% 80% 100%\s*$/m);
  await scrollUntilDrawn(app, page, /^\s*(-\d+ )+0( \+\d+)+\s*$/m);
  await shot(page, 'workspace-satisfaction-change');

  // Larkhill Special School is too small in 2024: its 2024 figures read "hidden: small
  // numbers" in the chart, and have no bar (only the legend's swatch is sky blue); its 2025
  // figures have theirs.
  await app.click('shown_breakdown:school');
  await app.waitUntilIdle(200);
  for (let step = 0; step < 20 && !/Group \d+ of \d+: larkhill_special/.test(await textsOnScreen(app)); step++) {
    await app.click('next_group');
    await app.waitUntilIdle(200);
  }
  const drawn = (await app.report()).drawnText;
  assert.match(drawn, /^\s*2024 hidden: small numbers\s*$/m, drawn);
  const larkhill = await chartArea(app, 'Satisfaction, school larkhill_special');
  const swatch = 10 * 10 + 40;  // the legend's swatch, and its edges
  assert.ok(await colourPixels(page, larkhill, SKY_BLUE, 1) <= swatch, 'a hidden figure draws no bar');
  assert.ok(await colourPixels(page, larkhill, BLUE, 1) > 1000, 'the figures shown have their bars');
  await shot(page, 'workspace-satisfaction-larkhill');
  await scrollUntilDrawn(app, page, /^\s*0% 20% 40% 60% 80% 100%\s*$/m);
  // Return rates per school and wave: Larkhill's and St Aldhelm's 2024 rates are hidden.
  await showView(app, 'returnRates');
  await scrollUntilDrawn(app, page, /^\s*2024 hidden: small numbers\s*$/m);
  await shot(page, 'workspace-return-rates-school');
  await showView(app, 'satisfaction');

  // A crossing shows hidden cells as "hidden: small numbers", never as 0.
  await app.click('shown_breakdown:school×year_group');
  await app.waitUntilIdle(200);
  texts = await textsOnScreen(app);
  assert.match(texts, /hidden: small numbers/);
  await shot(page, 'workspace-satisfaction-hidden');

  // Targets: each KPI with its value and the status the CLI gives it.
  await showView(app, 'targets');
  texts = await textsOnScreen(app);
  const kpi = csvRow(downloaded('kpis.csv'), { kpi: 'feel_safe' });
  assert.ok(texts.includes(`${kpi.description}: target ${Number(kpi.target).toFixed(1)}, value ` +
    `${Number(kpi.value).toFixed(1)}, ${kpi.status}.`), texts);
  await shot(page, 'workspace-targets');

  // The officer overrides a KPI's status with a note; after a reload it is in kpis.csv.
  await app.click('override_kpi:feel_safe');
  await app.typeInto('override_note', 'Survey ran in exam week');
  await app.click('override_status:Not on track');
  await page.waitForFunction(() => window.yousaidTest.texts.some((item) =>
    item.label.includes('Officer\'s override: Survey ran in exam week')));
  await shot(page, 'workspace-kpi-override');
  await page.reload();
  await app.waitForReady();
  await app.waitForScreen('staff_pin');
  await app.enterPin(STATION_PIN);
  await app.waitForScreen('staff_home');
  await openOfficerArea(app);
  await app.tap('open_workspace');
  await app.waitForScreen('workspace');
  await showView(app, 'downloads');
  const [download] = await Promise.all([page.waitForEvent('download'), app.click('download:kpis.csv')]);
  await download.saveAs(downloaded('kpis-after-override.csv'));
  const overridden = csvRow(downloaded('kpis-after-override.csv'), { kpi: 'feel_safe' });
  assert.equal(overridden.status_override, 'Not on track');
  assert.equal(overridden.override_note, 'Survey ran in exam week');
  assert.equal(overridden.status, 'Not on track');
  assert.equal(overridden.suggested_status, kpi.suggested_status);
}, { timeout: 240000, context: LAPTOP });

// The same views at 1024x768 and DPR 2 (a small laptop or a tablet): every one screenshotted,
// and the satisfaction chart's ticks and both waves' bars drawn.
browserTest('the workspace\'s views and charts at 1024x768, DPR 2', async ({ app, page }) => {
  await openDemoWorkspace(app, page, 'workspace-1024');
  await showView(app, 'satisfaction');
  const everyone = await chartArea(app, 'Satisfaction, everyone');
  assert.ok(await colourPixels(page, everyone, SKY_BLUE, 2) > 4000, 'the baseline\'s bars are drawn');
  assert.ok(await colourPixels(page, everyone, BLUE, 2) > 4000, 'the reported wave\'s bars are drawn');
  await scrollUntilDrawn(app, page, /^\s*0% 20% 40% 60% 80% 100%\s*$/m);
  await shot(page, 'workspace-1024-satisfaction-ticks');
}, { timeout: 120000, context: TABLET });

// A third wave: the demo's 2024 responses again as 2023's, each with an identifier of its own
// (reversed), so that the store holds three waves.
function earlierWaveFile() {
  const [header, ...rows] = readFileSync(join(DEMO, 'pupil_responses_2024.csv'), 'utf8').split('\n');
  const earlier = rows.filter((row) => row.trim() !== '').map((row) => {
    const cells = row.split(',');
    cells[0] = [...cells[0]].reverse().join('');
    cells[3] = cells[3].replace('2024', '2023');
    return cells.join(',');
  });
  const file = join(ARTIFACTS, 'pupil_responses_2023.csv');
  writeFileSync(file, [header, ...earlier].join('\n') + '\n');
  return { file, count: earlier.length };
}

// With three waves, each question also shows its trend across every wave: a small line with
// its intervals, the waves along the bottom.
browserTest('with three waves the satisfaction view shows each question\'s trend', async ({ app, page }) => {
  const earlier = earlierWaveFile();
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await importDemo(app, [earlier.file, ...DEMO_FILES], 1624 + earlier.count);
  await showView(app, 'satisfaction');
  const drawn = await scrollUntilDrawn(app, page, /^\s*(2023 2024 2025 ?)+$/m);
  assert.match(drawn, /Trends across every wave/);
  // A screen reader gets each trend's figures, wave by wave.
  const texts = await textsOnScreen(app);
  assert.match(texts, /I feel safe, 2023: [\d.]+% positive, 95% interval [\d.]+ to [\d.]+; 2024: [\d.]+% positive/);
  // The first row of trends wholly in view, for the screenshot.
  for (let attempt = 0; attempt < 10; attempt++) {
    const trend = await chartArea(app, 'I feel safe, everyone');
    if (trend.y + trend.height < LAPTOP.viewport.height - 100) break;
    await page.mouse.wheel(0, 120);
    await app.waitUntilIdle(150);
  }
  await shot(page, 'workspace-1366-trends');
}, { context: LAPTOP });

// A tap that leaves the page gets no frame in answer: tap, and wait for the new address.
async function tapToOfficerPage(app, id) {
  const { x, y } = await app.centreOf(id);
  await Promise.all([app.page.waitForURL(/officer\.html\?test=1$/), app.page.touchscreen.tap(x, y)]);
  // A new page: nobody is signed in there, and it asks for the PIN first.
  await app.waitForReady();
  const report = await app.waitForScreen('staff_pin');
  assert.equal(report.title, 'Enter the staff PIN');
  assert.equal(report.staff.role, 'none');
}

browserTest('the station tablet\'s app has no officer store or figures of its own: both open the officer\'s page', async ({ app, page }) => {
  await app.open('test=1');
  await chooseStationPin(app);
  await openOfficerArea(app, { firstTime: true });
  await tapToOfficerPage(app, 'officer_import');
  await app.enterPin(STATION_PIN);
  await app.waitForScreen('staff_home');
  await openOfficerArea(app);
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');
  await chooseFiles(app, 'choose_files', [join(DEMO, 'pupil_responses_2024.csv')]);
  await page.waitForFunction(() => window.yousaidTest.staff.officerResponses === 763, null, { timeout: 30000 });
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('Everything is saved on this device.'));
  await shot(page, 'officer-import-one-file');
  const texts = await textsOnScreen(app);
  assert.match(texts, /pupil_responses_2024\.csv: 763 added, 0 already held, 0 conflicts, 0 rejected/);
  assert.match(texts, /Our pupil survey, wave 2024: [\d,]+ complete, \d+ partial, \d+ said no\./);

  // Back on the station's page, the tablet counts the officer store without opening it.
  await app.open('test=1');
  await signInAsVolunteer(app);
  const home = await openOfficerArea(app);
  assert.match(home.texts.map((item) => item.label).join('\n'), /The officer store holds 763 responses imported/);
  await tapToOfficerPage(app, 'open_workspace');
});
