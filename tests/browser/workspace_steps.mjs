// Steps an officer takes on the officer's page, shared by the workspace's browser tests:
// importing the demo CSVs through the file chooser, moving between the workspace's views,
// coming back after a reload. Each waits for what a person would then see.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OFFICER_PIN, shot, STATION_PIN } from './staff_steps.mjs';

export const DEMO = resolve('assets/demo');
export const DEMO_RESPONSES = [join(DEMO, 'pupil_responses_2024.csv'), join(DEMO, 'pupil_responses_2025.csv')];
export const DEMO_RESPONSE_COUNT = 1624;
// The SHA-256 of each file the CLI writes for the README's demo command, by file name.
export const CLI_DEMO_SUMS = new Map(readFileSync(resolve('tests/fixtures/report_demo/SHA256SUMS'), 'utf8').trim()
  .split('\n').map((line) => line.split(/\s+/)).map(([sum, name]) => [name, sum]));
// An officer's laptop: 1366x768 at DPR 1, with a mouse and keyboard (its screen takes touch
// too, which the shared staff steps use to reach the officer's area).
export const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, hasTouch: true };
// The workspace's tabs, by their place in the footer (workspace_view:N). Settings (data) is
// last: a test that visits every tab in this order ends on it.
export const VIEWS = { overview: 0, returnRates: 1, satisfaction: 2, means: 3, targets: 4, downloads: 5, comments: 6,
  actions: 7, keys: 8, data: 9 };

export async function chooseFiles(app, item, files) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap(item)]);
  await chooser.setFiles(files);
}

export async function showView(app, view) {
  await app.click(`workspace_view:${VIEWS[view]}`);
  await app.waitUntilIdle(200);
}

export async function textsOnScreen(app) {
  const report = await app.report();
  return report.texts.map((item) => item.label).join('\n');
}

// Waits until the import has finished and been saved (the demo's responses, and any others).
export async function waitForDemoImported(page, others = 0) {
  await page.waitForFunction((count) => window.yousaidTest.staff.officerResponses === count, DEMO_RESPONSE_COUNT + others,
    { timeout: 30000 });
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('Everything is saved on this device.'));
}

// From the officer's home to the import page, and these files chosen there.
export async function chooseFilesToImport(app, files) {
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');
  await chooseFiles(app, 'choose_files', files);
}

// From the officer's home: the two demo CSVs imported, then on into the workspace.
export async function importDemo(app) {
  await chooseFilesToImport(app, DEMO_RESPONSES);
  await waitForDemoImported(app.page);
  await app.tap('import_to_workspace');
  return app.waitForScreen('workspace');
}

// The README's demo settings: its population and KPI files, and --by school --by year_group
// --by send_status --by school,year_group, in that order.
export async function chooseDemoSettings(app, page) {
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

// From the staff PIN pad the officer's page opens at: both PINs, to the officer's home.
export async function signInToOfficerHome(app) {
  await app.waitForScreen('staff_pin');
  await app.enterPin(STATION_PIN);
  await app.waitForScreen('staff_home');
  await app.tap('officer_area');
  await app.waitForScreen('officer_pin');
  await app.enterPin(OFFICER_PIN);
  return app.waitForScreen('officer_home');
}

// After a reload: both PINs again (the page opens at the staff PIN pad), and into the workspace.
export async function reloadIntoWorkspace(app) {
  await app.waitForStorageSaved();
  await app.page.reload();
  await app.waitForReady();
  await signInToOfficerHome(app);
  await app.tap('open_workspace');
  return app.waitForScreen('workspace');
}
