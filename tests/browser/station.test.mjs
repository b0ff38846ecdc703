// Survey stations: the staff area behind a held corner and a PIN, station setup by taps,
// export of responses with no network, officer import with nothing lost or counted twice,
// (Responses surviving the browser being killed: power_loss.test.mjs.)
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, AppDriver, TABLET, browserTest, completeQuickPupilSurvey, storedResponses } from './harness.mjs';
import { chooseStationPin, openOfficerArea } from './staff_steps.mjs';

const PIN = '2580';

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

// Officer import through the file picker on the officer's page (officer.html), after the
// PINs (chosen here the first time); returns the staff report once every file is read.
async function importFiles(app, page, paths) {
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.tap('choose_files')]);
  await chooser.setFiles(paths);
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('The officer store now holds:'), null,
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
  await app.enterPin('1234');  // too easy to guess: refused at once
  report = await app.report();
  assert.equal(report.title, 'Choose a staff PIN');
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

browserTest('offline at an event: responses exported with no network import on the officer\'s laptop, twice-loaded files count once', async ({ app, page, context, baseUrl }) => {
  // Station A works offline after one visit.
  await app.open('test=1&survey=pupil');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  await context.setOffline(true);
  await page.reload();
  await app.waitForReady();
  await completeQuickPupilSurvey(app);
  await app.tap('next');
  await app.tap('finish');
  await app.waitForScreen('welcome');
  await completeQuickPupilSurvey(app);
  await app.page.waitForFunction(() => window.yousaidTest.stored.length === 2);
  await app.tap('next');
  await app.tap('finish');
  await openStaffArea(app, { firstTime: true });
  const fileA = await exportTransferFile(app, page, 'station-a');
  let report = await app.report();
  assert.equal(report.staff.notExported, 0, 'the station remembers what it exported');
  assert.match(report.staff.notice, /Saved 2 responses as /);

  // Station B, another tablet (a fresh browser profile), online.
  const browser = context.browser();
  const contextB = await browser.newContext(TABLET);
  const appB = new AppDriver(await contextB.newPage(), baseUrl);
  await appB.open('test=1&survey=pupil');
  await completeQuickPupilSurvey(appB);
  await appB.tap('next');
  await appB.tap('finish');
  await openStaffArea(appB, { firstTime: true });
  const fileB = await exportTransferFile(appB, appB.page, 'station-b');
  await contextB.close();

  // The officer, on a third fresh profile: both stations' files and station A's again.
  const contextC = await browser.newContext(TABLET);
  const officer = new AppDriver(await contextC.newPage(), baseUrl);
  await officer.open('test=1', 'officer.html');
  await chooseStationPin(officer, { officerPage: true });
  await openOfficerArea(officer, { firstTime: true });
  const staff = await importFiles(officer, officer.page, [fileA, fileB, fileA.replace('station-a', 'station-a-copy')].map((path, index) => {
    if (index === 2) execSync(`cp '${fileA}' '${path}'`);
    return path;
  }));
  await officer.page.screenshot({ path: join(ARTIFACTS, 'officer-import.png') });
  assert.equal(staff.importLines.length, 3, staff.importLines.join('\n'));
  assert.match(staff.importLines[0], /2 added/);
  assert.match(staff.importLines[1], /1 added/);
  assert.match(staff.importLines[2], /2 already held/);
  assert.match(staff.importLines[2], /: 0 added/);
  assert.equal(staff.officerResponses, 3, 'three responses from two stations, none counted twice');
  const texts = (await officer.report()).texts.map((item) => item.label).join('\n');
  assert.match(texts, /Our pupil survey, wave \S+: 3 complete, 0 partial, 0 said no\./, texts);
  await contextC.close();
  report = await app.report();
  assert.equal(report.stored.length, 2);
});

browserTest('where a home-screen app cannot download, the share sheet takes the file; only a finished share counts as exported', async ({ app, page }) => {
  // An iPad home-screen app: navigator.standalone, and a share sheet that can take files.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
    window.__shared = [];
    window.__shareAnswer = 'share';
    navigator.canShare = (data) => Array.isArray(data.files) && data.files.length === 1;
    navigator.share = async ({ files }) => {
      const bytes = new Uint8Array(await files[0].arrayBuffer());
      window.__shared.push({ name: files[0].name, size: bytes.length, head: String.fromCharCode(...bytes.slice(0, 16)) });
      if (window.__shareAnswer === 'cancel') throw new DOMException('Share canceled', 'AbortError');
    };
  });
  await app.open('test=1&survey=pupil');
  await completeQuickPupilSurvey(app);
  await app.tap('next');
  await app.tap('finish');
  await app.waitForScreen('welcome');
  await openStaffArea(app, { firstTime: true });

  await page.evaluate(() => { window.__shareAnswer = 'cancel'; });
  await app.tap('export');
  await page.waitForFunction(() => /closed without saving .*\.yousaid: nothing is marked as exported/.test(window.yousaidTest.staff.notice));
  assert.equal((await app.report()).staff.notExported, 1, 'a share sheet closed without saving exports nothing');

  await page.evaluate(() => { window.__shareAnswer = 'share'; });
  await app.tap('export');
  await page.waitForFunction(() => /^Shared 1 responses as .*\.yousaid\.$/.test(window.yousaidTest.staff.notice));
  assert.equal((await app.report()).staff.notExported, 0, 'a finished share counts as exported');
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.length, 2);
  assert.match(shared[1].name, /^tablet_.*\d{4}-\d{2}-\d{2}\.yousaid$/, 'named by station and date');
  assert.equal(shared[1].head, 'YOUSAID-TRANSFER', 'the shared file is a transfer file');
  assert.ok(shared[1].size > 100);
});

browserTest('a survey file from disk: a broken one is refused with every problem, a good one runs the station', async ({ app, page }) => {
  const broken = join(ARTIFACTS, 'broken_survey.json');
  const good = join(ARTIFACTS, 'youth_club.json');
  writeFileSync(broken, JSON.stringify({ id: 'broken', version: 1, title: 'Broken', introduction: 'x', languages: ['en'],
    questions: [{ id: 'q1', kind: 'slider', text: 'How?' }, { id: 'q1', kind: 'short_text', max_length: 10 }] }));
  writeFileSync(good, JSON.stringify({ id: 'youth_club', version: 2, title: 'Our youth club', audience: 'young_people',
    introduction: 'Tell us what you think of the youth club.', languages: ['en'],
    questions: [{ id: 'fun', kind: 'yes_sometimes_no', required: true, text: 'Is the youth club fun?',
      options: [{ id: 'yes', text: 'Yes' }, { id: 'sometimes', text: 'Sometimes' }, { id: 'no', text: 'No' }] }] }));
  await app.open('test=1');
  await openStaffArea(app, { firstTime: true });
  await app.tap('station_setup');
  await app.waitForScreen('station_setup');
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.tap('load_survey')]);
  await chooser.setFiles(broken);
  await page.waitForFunction(() => /was not loaded/.test(window.yousaidTest.staff.notice));
  let report = await app.report();
  assert.match(report.staff.notice, /broken_survey\.json: questions\[0\]\.kind: .*slider/);
  assert.match(report.staff.notice, /questions\[1\].*(duplicate|q1)/);
  assert.ok(!report.items.some((item) => item.id === 'survey:broken'), 'a broken survey is never offered');
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.tap('load_survey')]);
  await chooser.setFiles(good);
  await page.waitForFunction(() => /Loaded "Our youth club" \(1 questions\)/.test(window.yousaidTest.staff.notice));
  assert.equal((await app.item('survey:youth_club')).checked, true);
  await app.tap('setup_save');
  await app.waitForScreen('staff_home');
  await app.tap('leave_staff');
  report = await app.waitForScreen('welcome');
  assert.equal(report.title, 'Our youth club');
  // The loaded survey stays on the device after a reload.
  await page.reload();
  await app.waitForReady();
  await page.waitForFunction(() => window.yousaidTest.title === 'Our youth club');
});

browserTest('clearing the device needs two confirmations and an explicit yes for unexported responses', async ({ app }) => {
  await app.open('test=1&finish_return=60');
  await app.tap('start');
  await app.tap('consent_no');
  await app.waitForScreen('thank_you');
  await app.page.waitForFunction(() => window.yousaidTest.stored.length === 1);
  await app.page.reload();
  await app.waitForReady();
  await openStaffArea(app, { firstTime: true });
  await app.tap('clear_device');
  await app.waitForScreen('clear_device');
  assert.equal((await app.item('clear_continue')).enabled, false, 'refused while a response is unexported');
  await app.tap('accept_loss');
  await app.tap('clear_continue');
  let report = await app.report();
  assert.equal(report.title, 'Are you sure? This cannot be undone.');
  assert.equal(report.stored.length, 1, 'nothing is removed before the second confirmation');
  await app.tap('clear_confirm');
  report = await app.waitForScreen('staff_home');
  assert.equal(report.stored.length, 0);
  assert.match(report.staff.notice, /cleared/);
});
