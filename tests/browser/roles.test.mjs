// Roles on a device: the station PIN (volunteers) and the officer PIN. Nobody reaches a
// staff or officer screen without the right PIN, by keyboard, through the accessible layer
// or by tapping where its buttons would be; the officer PIN is chosen after the station PIN,
// resets a forgotten station PIN, and a forgotten officer PIN costs the officer store.
// Clearing names what it removes and what it leaves, and the browser's IndexedDB agrees.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, browserTest, indexedDbFiles } from './harness.mjs';
import { chooseStationPin, OFFICER_PIN, openOfficerArea, shot, signInAsVolunteer, STATION_PIN } from './staff_steps.mjs';

const STAFF_SCREENS = ['staff_home', 'station_setup', 'clear_device'];
const OFFICER_SCREENS = ['officer_home', 'officer_import', 'workspace', 'station_pin_reset', 'clear_everything', 'forgot_officer_pin',
  'officer_keys'];
// Every staff and officer action by item id: what a forged activation might try.
const STAFF_ITEMS = ['export', 'export_json', 'station_setup', 'officer_area', 'clear_device', 'clear_continue',
  'clear_confirm', 'accept_loss', 'setup_save', 'load_survey', 'forgot_officer_pin', 'forget_officer_continue',
  'forget_officer_confirm'];
const OFFICER_ITEMS = ['officer_import', 'open_workspace', 'choose_files', 'reset_station_pin', 'clear_everything', 'clear_all_continue',
  'clear_all_confirm', 'officer_keys', 'add_public_key'];

// What the screen and role are now, with the rule that no page beyond `allowed` opened.
async function expectOnlyAllowed(app, allowed, what) {
  const report = await app.report();
  assert.ok(allowed.includes(report.screen), `${what}: opened "${report.screen}"`);
  return report;
}

// An activation from the accessible layer with a forged item id: a mirror element is
// re-labelled as the target and clicked, as a script in the page could do.
async function forgeActivation(app, id) {
  const seen = await app.page.evaluate((target) => {
    const element = document.querySelector('#yousaid-accessible button');
    if (!element) return false;
    element.dataset.itemId = target;
    element.click();
    return true;
  }, id);
  if (seen) await app.waitUntilIdle(150, 5000);
  return seen;
}

// The IDBFS files as { path: byte length }, read straight from the browser's IndexedDB.
async function storedFiles(page) {
  const files = await indexedDbFiles(page);
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, bytes.length]));
}

// Waits until IndexedDB holds what `check(files)` wants (a sync is asynchronous).
async function waitForStoredFiles(page, check, what) {
  let files = {};
  for (let attempt = 0; attempt < 50; attempt++) {
    files = await storedFiles(page);
    if (check(files)) return files;
    await page.waitForTimeout(100);
  }
  throw new Error(`IndexedDB never showed ${what}: ${JSON.stringify(files)}`);
}

// A refusal is a stored response too, and the quickest one to make; each saved, then a reload
// (the thank-you screen would otherwise wait to return).
async function makeRefusals(app, count) {
  for (let made = 0; made < count; made++) {
    const before = (await app.report()).storage.responses;
    await app.tap('start');
    await app.waitForScreen('consent');
    await app.tap('consent_no');
    // A refusal says nothing about saving on screen: wait for the browser's storage itself.
    await app.page.waitForFunction((wanted) => window.yousaidTest.storage.responses === wanted, before + 1);
    await app.waitForStorageSaved();
    await app.page.reload();
    await app.waitForReady();
  }
}

browserTest('no staff or officer screen opens without the right PIN: keys, the accessible layer, taps', async ({ app, page }) => {
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await app.open('test=1');
  // Where each staff and officer button sits, learnt with the right PINs.
  const staffHome = await chooseStationPin(app);
  assert.equal(staffHome.staff.role, 'volunteer');
  const officerHome = await openOfficerArea(app, { firstTime: true });
  assert.equal(officerHome.staff.role, 'officer');
  const places = [...staffHome.items, ...officerHome.items].filter((item) => item.id !== 'leave_staff' &&
    item.id !== 'officer_back');
  await app.tap('officer_back');
  await app.tap('leave_staff');
  await app.waitForScreen('welcome');

  // No PIN: the PIN pad, nobody signed in.
  await app.holdStaffCorner();
  let report = await app.waitForScreen('staff_pin');
  assert.equal(report.staff.role, 'none', 'opening the door signs nobody in');
  const withoutPin = ['staff_pin', 'officer_pin'];
  for (const id of [...STAFF_ITEMS, ...OFFICER_ITEMS]) {
    assert.ok(await forgeActivation(app, id));
    report = await expectOnlyAllowed(app, withoutPin, `a forged "${id}" with no PIN`);
    assert.equal(report.staff.role, 'none');
    if (report.screen === 'officer_pin') await app.tap('staff_cancel');
    if ((await app.report()).screen === 'welcome') {
      await app.holdStaffCorner();
      await app.waitForScreen('staff_pin');
    }
  }
  // By keyboard: every control the accessible layer offers, reached with Tab and pressed.
  for (let presses = 0; presses < 16; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.dataset.itemId);
    if (!focused || focused === 'staff_cancel' || focused === 'officer_sign_in') continue;
    await page.keyboard.press('Enter');
    await app.waitUntilIdle(150, 5000);
    await expectOnlyAllowed(app, withoutPin, `Enter on "${focused}" with no PIN`);
  }
  // Taps where the staff and officer buttons would be.
  for (const item of places) {
    const canvas = await page.locator('#canvas').boundingBox();
    const seen = await app.inputsSeen();
    await page.touchscreen.tap(canvas.x + item.x + item.width / 2, canvas.y + item.y + item.height / 2);
    await app.answeredInput(seen + 1);
    report = await expectOnlyAllowed(app, [...withoutPin, 'welcome'], `a tap where "${item.id}" was, with no PIN`);
    assert.equal(report.staff.role, 'none');
    if (report.screen !== 'staff_pin') {
      if (report.screen === 'officer_pin') await app.tap('staff_cancel');
      await app.holdStaffCorner();
      await app.waitForScreen('staff_pin');
    }
  }
  await shot(page, 'roles-no-pin');

  // The station PIN on officer screens: refused.
  await app.tap('staff_cancel');
  await signInAsVolunteer(app);
  const withVolunteerPin = ['staff_home', 'officer_pin', ...STAFF_SCREENS];
  for (const id of OFFICER_ITEMS) {
    await forgeActivation(app, id);
    report = await expectOnlyAllowed(app, withVolunteerPin, `a forged "${id}" with the station PIN`);
    assert.equal(report.staff.role, 'volunteer');
    if (report.screen !== 'staff_home') await app.tap(report.screen === 'officer_pin' ? 'staff_cancel' : 'clear_cancel');
  }
  for (const item of officerHome.items.filter((candidate) => OFFICER_ITEMS.includes(candidate.id))) {
    const canvas = await page.locator('#canvas').boundingBox();
    const seen = await app.inputsSeen();
    await page.touchscreen.tap(canvas.x + item.x + item.width / 2, canvas.y + item.y + item.height / 2);
    await app.answeredInput(seen + 1);
    report = await app.report();
    assert.ok(!OFFICER_SCREENS.includes(report.screen), `a tap where "${item.id}" was opened ${report.screen}`);
    assert.notEqual(report.staff.role, 'officer');
    if (report.screen === 'welcome') await signInAsVolunteer(app);
    else if (report.screen !== 'staff_home') await app.tap(report.screen === 'clear_device' ? 'clear_cancel' : 'staff_cancel');
    await app.waitForScreen('staff_home');
  }
  await app.tap('officer_area');
  await app.waitForScreen('officer_pin');
  await app.enterPin(STATION_PIN);
  report = await app.report();
  assert.equal(report.screen, 'officer_pin', 'the station PIN does not open the officer area');
  assert.equal(report.staff.role, 'volunteer');
  assert.match(report.announcement, /Wrong PIN/);
  assert.equal(downloads, 0, 'nothing was exported by any of it');
});

browserTest('the officer PIN is chosen after the station PIN, and resets a forgotten station PIN', async ({ app, page }) => {
  await app.open('test=1');
  await chooseStationPin(app);
  await shot(page, 'staff-home-volunteer');
  await app.tap('officer_area');
  let report = await app.waitForScreen('officer_pin');
  assert.equal(report.title, 'Choose an officer PIN');
  await shot(page, 'officer-pin-choose');
  await app.enterPin(STATION_PIN.split('').reverse().join(''));
  await app.enterPin(OFFICER_PIN);
  report = await app.report();
  assert.match(report.announcement, /different/, 'the two entries must match');
  await app.enterPin(OFFICER_PIN);
  await app.enterPin(OFFICER_PIN);
  report = await app.waitForScreen('officer_home');
  assert.match(report.staff.notice, /Officer PIN saved/);
  await shot(page, 'officer-home');

  // A reload ends the sign-in; the station PIN is forgotten, the officer's opens the area.
  await page.reload();
  await app.waitForReady();
  await app.holdStaffCorner();
  report = await app.waitForScreen('staff_pin');
  assert.equal(report.staff.role, 'none');
  await app.tap('officer_sign_in');
  report = await app.waitForScreen('officer_pin');
  assert.equal(report.title, 'Enter the officer PIN');
  assert.ok(!report.items.some((item) => item.id === 'forgot_officer_pin'),
    'without the station PIN, no way to clear the officer store and choose a new officer PIN');
  await app.enterPin(OFFICER_PIN);
  await app.waitForScreen('officer_home');
  await app.tap('reset_station_pin');
  report = await app.waitForScreen('station_pin_reset');
  assert.equal(report.title, 'Choose a new station PIN');
  await shot(page, 'station-pin-reset');
  await app.enterPin('3691');
  await app.enterPin('3691');
  report = await app.waitForScreen('officer_home');
  assert.match(report.staff.notice, /New station PIN saved/);
  await app.tap('officer_back');
  await app.tap('leave_staff');
  await app.waitForScreen('welcome');
  await app.holdStaffCorner();
  await app.enterPin(STATION_PIN);
  report = await app.report();
  assert.equal(report.screen, 'staff_pin', 'the old station PIN no longer opens the station');
  await app.enterPin('3691');
  report = await app.waitForScreen('staff_home');
  assert.equal(report.staff.role, 'volunteer');
});

let transferFile = '';

// The station's transfer file (2 responses) into the officer store, which lives on the
// officer's page (officer.html, the same device and storage); then back to the station's
// welcome screen.
async function importTransferFile(app, { firstTime = false, stationQuery = 'test=1' } = {}) {
  await app.open('test=1', 'officer.html');
  await app.waitForScreen('staff_pin');
  await app.enterPin(STATION_PIN);
  await app.waitForScreen('staff_home');
  await openOfficerArea(app, { firstTime });
  await app.tap('officer_import');
  await app.waitForScreen('officer_import');
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap('choose_files')]);
  await chooser.setFiles(transferFile);
  await app.page.waitForFunction(() => window.yousaidTest.staff.officerResponses === 2);
  // The import is safe to leave only once the screen says it is saved; a reload before
  // that is the officer closing the tab mid-save.
  await app.page.waitForFunction(() => window.yousaidTest.drawnText.includes('Everything is saved on this device.'),
    null, { timeout: 10000 });
  await shot(app.page, 'officer-import-saved');
  await app.open(stationQuery);
  await app.waitForScreen('welcome');
}

// Bytes of the officer store's segment files in IndexedDB.
function officerStoreBytes(stored) {
  return Object.entries(stored).filter(([path]) => path.startsWith('/data/officer_store/'))
    .reduce((sum, [, length]) => sum + length, 0);
}

browserTest('clearing: the volunteer clears this station only, as it says; the officer clears both (IndexedDB read)', async ({ app, page }) => {
  await app.open('test=1&finish_return=60');
  await makeRefusals(app, 2);
  await chooseStationPin(app);
  const [download] = await Promise.all([page.waitForEvent('download'), app.tap('export')]);
  transferFile = join(ARTIFACTS, `roles-${download.suggestedFilename()}`);
  await download.saveAs(transferFile);
  await importTransferFile(app, { firstTime: true, stationQuery: 'test=1&finish_return=60' });
  await makeRefusals(app, 1);

  await signInAsVolunteer(app);
  await app.tap('clear_device');
  let report = await app.waitForScreen('clear_device');
  await shot(page, 'clear-device-volunteer');
  // What goes and what stays, and who can clear that (drawn, and announced the same).
  assert.equal(report.title, 'Delete this station\'s responses');
  assert.ok(report.announcement.includes('This removes 3 responses from this station.'), report.announcement);
  assert.ok(report.announcement.includes('It leaves 2 imported responses, which only the officer can clear.'),
    report.announcement);
  await app.tap('accept_loss');
  await app.tap('clear_continue');
  await app.tap('clear_confirm');
  report = await app.waitForScreen('staff_home');
  assert.equal(report.stored.length, 0);
  assert.equal(report.staff.officerResponses, 2);
  let files = await waitForStoredFiles(page, (stored) => !(stored['/data/responses.yslog'] > 16),
    'the station\'s responses gone');
  assert.ok(officerStoreBytes(files) > 32, `the officer store is still there: ${JSON.stringify(files)}`);

  // The officer's clear removes both.
  await makeRefusalsInside(app);
  await openOfficerArea(app);
  await app.tap('clear_everything');
  report = await app.waitForScreen('clear_everything');
  assert.ok(report.announcement.includes(
    'This removes 1 response from this station and 2 imported responses in the officer store.'), report.announcement);
  await shot(page, 'clear-everything');
  await app.tap('accept_loss');
  await app.tap('clear_all_continue');
  report = await app.report();
  assert.equal(report.title, 'Are you sure? This cannot be undone.');
  await app.tap('clear_all_confirm');
  report = await app.waitForScreen('officer_home');
  assert.equal(report.staff.officerResponses, 0);
  assert.equal(report.stored.length, 0);
  files = await waitForStoredFiles(page, (stored) => !(stored['/data/responses.yslog'] > 16) &&
    officerStoreBytes(stored) === 0, 'both stores gone');
});

// One more station response, made from the staff area: out, a refusal, back in.
async function makeRefusalsInside(app) {
  await app.tap('leave_staff');
  await app.waitForScreen('welcome');
  await makeRefusals(app, 1);
  await signInAsVolunteer(app);
}

browserTest('a forgotten officer PIN: two confirmations that say so clear the officer store, then a new PIN', async ({ app, page }) => {
  await app.open('test=1');
  await chooseStationPin(app);
  await importTransferFile(app, { firstTime: true });

  await signInAsVolunteer(app);
  await app.tap('officer_area');
  await app.waitForScreen('officer_pin');
  await app.tap('forgot_officer_pin');
  let report = await app.waitForScreen('forgot_officer_pin');
  assert.equal(report.title, 'Forgotten the officer PIN?');
  assert.ok(report.announcement.includes('A forgotten officer PIN can only be replaced by clearing the officer store: ' +
    '2 imported responses are removed from this device.'), report.announcement);
  assert.match(report.announcement, /transfer files they came from still exist/);
  await shot(page, 'forgot-officer-pin');
  await app.tap('forget_officer_continue');
  report = await app.report();
  assert.equal(report.title, 'Are you sure? The officer store goes for good.');
  assert.equal(report.staff.officerResponses, 2, 'nothing is cleared before the second confirmation');
  await shot(page, 'forgot-officer-pin-confirm');
  await app.tap('forget_officer_confirm');
  report = await app.waitForScreen('officer_pin');
  assert.equal(report.title, 'Choose an officer PIN');
  assert.equal(report.staff.officerResponses, 0);
  assert.equal(report.staff.role, 'volunteer');
  await waitForStoredFiles(page, (stored) => officerStoreBytes(stored) === 0 && !stored['/data/officer_pin.json'],
    'the officer store and PIN gone');
  await app.enterPin('9514');
  await app.enterPin('9514');
  report = await app.waitForScreen('officer_home');
  assert.equal(report.staff.role, 'officer');
});

browserTest('a station whose survey file no longer loads refuses to start, asks for staff, and staff see why', async ({ app, page }) => {
  await app.open('test=1');
  await chooseStationPin(app);
  await app.tap('station_setup');
  await app.waitForScreen('station_setup');
  const good = join(ARTIFACTS, 'roles_youth_club.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(good, JSON.stringify({ id: 'youth_club', version: 2, title: 'Our youth club', audience: 'young_people',
    introduction: 'Tell us what you think of the youth club.', languages: ['en'],
    questions: [{ id: 'fun', kind: 'yes_sometimes_no', required: true, text: 'Is the youth club fun?',
      options: [{ id: 'yes', text: 'Yes' }, { id: 'sometimes', text: 'Sometimes' }, { id: 'no', text: 'No' }] }] }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.tap('load_survey')]);
  await chooser.setFiles(good);
  await page.waitForFunction(() => /Loaded "Our youth club"/.test(window.yousaidTest.staff.notice));
  await app.tap('setup_save');
  await app.waitForScreen('staff_home');
  await app.tap('leave_staff');
  await app.waitForScreen('welcome');
  // The file on the device is damaged (a cut-short write, an old format), then a reload.
  await page.evaluate(() => new Promise((resolve) => {
    window.Module.FS.writeFile('/data/surveys/youth_club.json', '{"id": "youth_club", "version": 2, "title": ');
    window.Module.FS.syncfs(false, resolve);
  }));
  await page.reload();
  await app.waitForReady();
  let report = await app.waitForScreen('welcome');
  assert.equal(report.session.surveyAvailable, false);
  assert.notEqual(report.session.surveyId, 'pupil', 'never another survey in its place');
  assert.equal(report.title, 'This survey is not ready');
  const start = await app.item('start');
  assert.equal(start.enabled, false);
  assert.equal(start.label, 'Please ask a member of staff.');
  await shot(page, 'welcome-survey-not-ready');
  await app.tap('start');
  await forgeActivation(app, 'start');
  assert.equal((await app.report()).screen, 'welcome', 'the respondent flow does not start');

  report = await signInAsVolunteer(app);
  const warning = report.announcement;
  assert.match(warning, /survey "youth_club" is not loaded/);
  assert.match(warning, /Its file did not load/);
  assert.match(warning, /youth_club\.json: malformed JSON/, 'which file, and why');
  await shot(page, 'staff-home-survey-failed');
  await app.tap('station_setup');
  report = await app.waitForScreen('station_setup');
  assert.ok(report.items.some((item) => item.id === 'survey:pupil'), 'the shipped surveys are offered');
  assert.ok(report.items.some((item) => item.id === 'survey:parent_carer'));
  await app.tap('survey:parent_carer');
  await app.tap('setup_save');
  await app.waitForScreen('staff_home');
  await app.tap('leave_staff');
  report = await app.waitForScreen('welcome');
  assert.equal(report.session.surveyId, 'parent_carer');
  assert.equal((await app.item('start')).enabled, true);
});
