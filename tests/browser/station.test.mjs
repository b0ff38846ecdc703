// Survey stations: the staff area behind a held corner and a PIN, station setup by taps,
// export of responses with no network, officer import with nothing lost or counted twice,
// and responses that survive the browser being killed right after "saved".
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, AppDriver, TABLET, answerQuestions, browserTest, storedResponses } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const PIN = '2580';

// Quick answers to the pupil survey: the required year group, everything else skipped.
const QUICK_PUPIL = new Proxy({ year_group: { tap: ['option:year_group:year_9'] } }, {
  get: (plan, id) => plan[id] || { skip: true },
});

async function completeQuickPupilSurvey(app) {
  await app.startSurvey();
  await answerQuestions(app, QUICK_PUPIL);
  await app.waitForScreen('check');
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await app.page.waitForFunction(() => window.yousaidTest.storage.saveState === 'saved');
}

async function openStaffArea(app, { firstTime = false } = {}) {
  await app.holdStaffCorner();
  const report = await app.waitForScreen('staff_pin');
  if (firstTime) {
    assert.equal(report.title, 'Choose a staff PIN');
    await app.enterPin(PIN);
  }
  await app.enterPin(PIN);
  return app.waitForScreen('staff_home');
}

async function exportTransferFile(app, page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), app.tap('export')]);
  assert.match(download.suggestedFilename(), /\.yousaid$/);
  const path = join(ARTIFACTS, `${name}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

// Officer import through the file picker; returns the report line for each file.
async function importFiles(app, page, paths) {
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.tap('choose_files')]);
  await chooser.setFiles(paths);
  await page.waitForFunction((count) => window.yousaidTest.staff.importLines.length >= count, paths.length,
    { timeout: 20000 });
  return (await app.report()).staff;
}

browserTest('the staff area: a tap does nothing, a held corner asks for a PIN, setup by taps, five wrong PINs lock', async ({ app, page }) => {
  await app.open('test=1');
  await app.tap('staff_corner');
  assert.equal((await app.report()).screen, 'welcome', 'a quick tap on the corner does nothing');
  await app.holdStaffCorner();
  let report = await app.waitForScreen('staff_pin');
  assert.equal(report.title, 'Choose a staff PIN');
  await app.enterPin('1234');  // too easy to guess: refused
  await app.enterPin('1234');
  report = await app.report();
  assert.match(await page.locator('[aria-live]').textContent(), /PIN/);
  await app.enterPin(PIN);
  await app.enterPin(PIN);
  report = await app.waitForScreen('staff_home');

  await app.tap('station_setup');
  await app.waitForScreen('station_setup');
  await app.tap('survey:parent_carer');
  await app.replaceText('event_name', 'Local Offer fayre');
  await app.replaceText('event_date', '2026-02-30');
  await app.replaceText('station_name', 'Tablet 3');
  await app.tap('idle_timeout:300');
  await app.tap('setup_save');
  report = await app.report();
  assert.equal(report.screen, 'station_setup', 'an impossible date is not saved');
  assert.match(await page.locator('#yousaid-accessible').innerText() + report.announcement, /station_setup|Station setup/);
  await app.replaceText('event_date', '2026-03-14');
  await app.tap('setup_save');
  report = await app.waitForScreen('staff_home');
  assert.equal(report.title, 'Survey station: Tablet 3');
  await page.screenshot({ path: join(ARTIFACTS, 'staff-home.png') });
  await app.tap('leave_staff');
  report = await app.waitForScreen('welcome');
  assert.equal(report.session.surveyId, 'parent_carer');

  // The settings and the PIN stay on the device.
  await page.goto(`${app.baseUrl}?test=1`);
  await app.waitForReady();
  await page.waitForFunction(() => window.yousaidTest.session.surveyId === 'parent_carer');
  await app.holdStaffCorner();
  report = await app.waitForScreen('staff_pin');
  assert.equal(report.title, 'Enter the staff PIN');
  for (let attempt = 1; attempt <= 5; attempt++) await app.enterPin('1357');
  await page.waitForFunction(() => /Too many wrong tries/.test(document.querySelector('[aria-live]').textContent) ||
    window.yousaidTest.items.every((item) => !item.id.startsWith('pin:') || !item.enabled || item.id === 'pin:OK'));
  assert.equal((await app.item('pin:5')).enabled, false, 'the keypad is locked');
  await app.tap('staff_cancel');
  await app.holdStaffCorner();
  await app.waitForScreen('staff_pin');
  assert.equal((await app.item('pin:2')).enabled, false, 'still locked: even the right PIN cannot be typed');
});
