// The officer's workspace: the README's demo report, made in the browser as an officer
// would make it (import the CSVs, load the population and KPI files, choose the breakdowns),
// shows the CLI's figures on screen and downloads files byte-identical to the CLI's.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ARTIFACTS, browserTest } from './harness.mjs';
import { chooseStationPin, openOfficerArea, shot, signInAsVolunteer, STATION_PIN } from './staff_steps.mjs';

const DEMO = resolve('assets/demo');
const EXPECTED_SUMS = new Map(readFileSync(resolve('tests/fixtures/report_demo/SHA256SUMS'), 'utf8').trim().split('\n')
  .map((line) => line.split(/\s+/)).map(([sum, name]) => [name, sum]));
// An officer's laptop: 1366x768 at DPR 1, used with the mouse here (its screen takes touch
// too, which the shared staff steps use to reach the officer's area).
const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, hasTouch: true };
const VIEWS = { overview: 0, returnRates: 1, satisfaction: 2, means: 3, targets: 4, downloads: 5, data: 6 };

async function chooseFiles(app, item, files) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap(item)]);
  await chooser.setFiles(files);
}

async function showView(app, view) {
  await app.click(`workspace_view:${VIEWS[view]}`);
  await app.waitUntilIdle(200);
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

async function importDemo(app) {
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');
  await chooseFiles(app, 'choose_files', [join(DEMO, 'pupil_responses_2024.csv'), join(DEMO, 'pupil_responses_2025.csv')]);
  await app.page.waitForFunction(() => window.yousaidTest.staff.officerResponses === 1624, null, { timeout: 30000 });
  await app.page.waitForFunction(() => window.yousaidTest.drawnText.includes('Everything is saved on this device.'));
  await app.tap('import_to_workspace');
  return app.waitForScreen('workspace');
}

// The README's demo settings: its population and KPI files, and --by school --by year_group
// --by send_status --by school,year_group, in that order.
async function chooseDemoSettings(app, page) {
  await showView(app, 'data');
  await chooseFiles(app, 'load_population', [join(DEMO, 'population.csv')]);
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('In use: population.csv'));
  await chooseFiles(app, 'load_kpis', [join(DEMO, 'kpis.csv')]);
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('In use: kpis.csv'));
  for (const dimension of ['school', 'year_group', 'send_status']) {
    await app.tap(`add_breakdown:${dimension}`);
    await page.waitForFunction((id) => window.yousaidTest.items.some((item) => item.id === id),
      `remove_breakdown:${dimension}`);
  }
  await app.typeInto('crossing', 'school,year_group');
  await app.tap('add_crossing');
  await page.waitForFunction(() => window.yousaidTest.items.some((item) => item.id === 'remove_breakdown:school,year_group'));
  await shot(page, 'workspace-data-settings');
}

browserTest('an officer sees the CLI\'s figures in the browser and downloads its files byte for byte', async ({ app, page }) => {
  // The figures are on the officer's page, which opens at the staff PIN pad.
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await importDemo(app);
  await chooseDemoSettings(app, page);

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

  // Satisfaction for everyone: feel_safe in 2025, with its interval and its change on 2024.
  await showView(app, 'satisfaction');
  await shot(page, 'workspace-satisfaction');
  texts = await textsOnScreen(app);
  const safe = csvRow(downloaded('satisfaction.csv'), { wave: '2025', dimension: 'all', question: 'feel_safe' });
  const change = csvRow(downloaded('change.csv'), { dimension: 'all', question: 'feel_safe' });
  const points = Number(change.change_pp).toFixed(1);
  const sentence = `, Everyone, 2025: ${Number(safe.percent).toFixed(1)}% positive, 95% interval ` +
    `${Number(safe.ci_low).toFixed(1)} to ${Number(safe.ci_high).toFixed(1)}, ` +
    `${points.startsWith('-') ? '' : '+'}${points} points on 2024, ${change.verdict}.`;
  assert.ok(texts.includes(sentence), `"${sentence}" not among:\n${texts}`);

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
