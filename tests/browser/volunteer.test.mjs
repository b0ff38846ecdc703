// The volunteer's screens in a noisy hall (issue 16, section 3): station setup that says
// what is wrong next to the field and reads UK dates, a live view read from a metre away,
// a ring under the finger on the staff corner, weak PINs refused at once, exports named by
// the event's date, and deleting buttons that look like what they do.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, browserTest, completeQuickPupilSurvey, decodePng } from './harness.mjs';
import { STATION_PIN, chooseStationPin, openOfficerArea, shot } from './staff_steps.mjs';

const viewportHeight = 768;

function textsOf(report) {
  return report.texts.map((item) => item.label);
}

// The text item whose label matches, or a failure listing what the screen says.
function findText(report, pattern) {
  const found = report.texts.find((item) => pattern.test(item.label));
  assert.ok(found, `no text matching ${pattern} on "${report.screen}":\n  ${textsOf(report).join('\n  ')}`);
  return found;
}

// The colour drawn at a control's left inside edge (clear of its label), in device pixels.
function fillOf(png, item, scale = 2) {
  return png.pixel(Math.round((item.x + 8) * scale), Math.round((item.y + item.height / 2) * scale));
}

function isRed([r, g, b]) {
  return r > 150 && r - g > 60 && r - b > 60;
}

async function expectDangerButtons(app, page, ids, { name }) {
  const png = decodePng(await page.screenshot());
  const primary = fillOf(png, await app.item('export'));
  assert.ok(!isRed(primary), `the primary button is not red (${primary}) in ${name}`);
  for (const id of ids) {
    const colour = fillOf(png, await app.item(id));
    assert.ok(isRed(colour), `${id} is drawn in the danger colour in ${name}, not (${colour})`);
  }
}

// Empties a text field, as selecting all and deleting does.
async function clearText(app, id) {
  await app.tap(id);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  await app.page.waitForFunction((item) => {
    const found = window.yousaidTest.items.find((candidate) => candidate.id === item);
    return found && found.value === '';
  }, id, { timeout: 5000 });
}

// A respondent says no to taking part (a "said no" response); once `stored` responses are
// kept, the page reloads, back at the welcome screen.
async function declineThenReload(app, stored) {
  await app.tap('start');
  await app.tap('consent_no');
  await app.waitForScreen('thank_you');
  await app.page.waitForFunction((count) => window.yousaidTest.stored.length === count, stored);
  // A refusal says nothing about saving on screen: wait for the browser's storage itself.
  await app.waitForStorageSaved();
  await app.page.reload();
  await app.waitForReady();
}

// From a fresh device to station setup, the station PIN chosen on the way.
async function openSetup(app) {
  await app.open('test=1&survey=pupil');
  await chooseStationPin(app);
  await app.tap('station_setup');
  return app.waitForScreen('station_setup');
}

browserTest('station setup: a UK date is read, a wrong one is said in words next to its field and scrolled to, a date picker', async ({ app, page }) => {
  await openSetup(app);
  await app.tap('survey:pupil');
  await app.replaceText('event_name', 'Local Offer fayre');
  await app.replaceText('event_date', '31/02/2026');
  await clearText(app, 'station_name');
  // The keyboard is still on the station name, below the date, when Save is tapped.
  await app.tap('setup_save');
  await app.settle();
  let report = await app.report();
  assert.equal(report.screen, 'station_setup', 'a date that does not exist is not saved');
  const dateProblem = findText(report, /^There is no 31 February 2026\.$/);
  const dateBox = await app.item('event_date');
  assert.ok(dateProblem.y >= 0 && dateProblem.y + dateProblem.height <= viewportHeight,
    `the first problem is scrolled into view (at y ${dateProblem.y})`);
  assert.ok(dateProblem.y < dateBox.y && dateBox.y - dateProblem.y < 120,
    `the date's problem is next to the date (problem at ${dateProblem.y}, box at ${dateBox.y})`);
  findText(report, /^Give the station a name, for example Tablet 3\.$/);
  for (const text of textsOf(report)) {
    assert.ok(!/YYYY|event date:|station name:|UTF-8/.test(text), `worded for people: "${text}"`);
  }
  await shot(page, 'volunteer-setup-problems');
  // The keyboard's field keeps its focus, and the screen still scrolls up to the top and back.
  await app.scrollIntoView('survey:pupil');
  await app.scrollIntoView('event_date');

  // The date picker: a day later than today, then a year earlier and a month later.
  await clearText(app, 'event_date');
  await app.tap('event_date_day_later');
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  const uk = (date) => `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
  assert.equal((await app.item('event_date')).value, uk(tomorrow));
  await app.tap('event_date_year_earlier');
  await app.tap('event_date_month_later');
  const stepped = new Date(tomorrow.getFullYear() - 1, tomorrow.getMonth() + 1, 1);
  stepped.setDate(Math.min(tomorrow.getDate(), new Date(stepped.getFullYear(), stepped.getMonth() + 1, 0).getDate()));
  assert.equal((await app.item('event_date')).value, uk(stepped));
  await shot(page, 'volunteer-setup-date-picker');

  await app.replaceText('event_date', '14/03/2026');
  await app.replaceText('station_name', 'Tablet 3');
  await app.tap('setup_save');
  report = await app.waitForScreen('staff_home');
  findText(report, /^Event: Local Offer fayre, 14\/03\/2026\. Wave \d{4}\.$/);
  await app.tap('station_setup');
  await app.waitForScreen('station_setup');
  assert.equal((await app.item('event_date')).value, '14/03/2026', 'the stored date reads back as the volunteer wrote it');
  await app.replaceText('event_date', '4.3.2026');
  await app.tap('setup_save');
  report = await app.waitForScreen('staff_home');
  findText(report, /^Event: Local Offer fayre, 04\/03\/2026\. Wave \d{4}\.$/);
});

browserTest('staff notices: "PIN saved" and "Station settings saved" go once they are no longer news', async ({ app }) => {
  let report = await openSetup(app);
  assert.ok(!textsOf(report).some((text) => /PIN saved/.test(text)), 'the PIN notice is no longer news in setup');
  await app.tap('setup_save');
  report = await app.waitForScreen('staff_home');
  findText(report, /^Station settings saved\.$/);
  await app.tap('station_setup');
  report = await app.waitForScreen('station_setup');
  assert.ok(!textsOf(report).some((text) => /Station settings saved/.test(text)), 'the saved notice went with its page');
  // Problems from a visit that ended with Back are gone on the next.
  await app.replaceText('event_date', '32/01/2026');
  await app.tap('setup_save');
  findText(await app.report(), /^There is no 32 January 2026\.$/);
  await app.tap('setup_cancel');
  await app.waitForScreen('staff_home');
  await app.tap('station_setup');
  report = await app.waitForScreen('station_setup');
  assert.ok(!textsOf(report).some((text) => /There is no/.test(text)), 'last visit\'s problems are not news');
});

browserTest('an export is named by the event\'s date, as the README says, not the day it is made', async ({ app, page }) => {
  await openSetup(app);
  await app.tap('survey:pupil');
  await app.replaceText('event_name', 'Local Offer fayre');
  await app.replaceText('event_date', '2026-03-14');
  await app.replaceText('station_name', 'Tablet 3');
  await app.tap('setup_save');
  await app.waitForScreen('staff_home');
  const [download] = await Promise.all([page.waitForEvent('download'), app.tap('export')]);
  assert.equal(download.suggestedFilename(), 'tablet-3_local-offer-fayre_2026-03-14.yousaid');
});

browserTest('the live view: the survey and event named, and today, total, complete, partial and said no in large figures', async ({ app, page }) => {
  await app.open('test=1&survey=pupil&finish_return=60');
  await completeQuickPupilSurvey(app);
  await app.tap('next');
  await app.tap('finish');
  await app.waitForScreen('welcome');
  await declineThenReload(app, 2);
  const report = await chooseStationPin(app);
  await shot(page, 'volunteer-live-view');
  findText(report, /^Survey: How are you doing\? Our pupil survey$/);
  findText(report, /^Event: no event set\. Wave \d{4}\.$/);
  const body = report.display.textSize;
  for (const [caption, count] of [['Today', 2], ['In total', 2], ['Complete', 1], ['Partial', 0], ['Said no', 1]]) {
    const figure = findText(report, new RegExp(`^${caption}: ${count}$`));
    assert.ok(figure.height >= Math.max(60, body * 2.5),
      `"${figure.label}" is a large figure (${figure.height} px high; the body text is ${body} px)`);
    assert.ok(figure.y + figure.height <= viewportHeight, `"${figure.label}" shows without scrolling`);
  }
});

browserTest('the staff corner: a ring fills under the finger while it is held', async ({ app, page }) => {
  // A six-second hold on this test page (two seconds otherwise), so that a loaded machine
  // still takes the picture mid-hold.
  await app.open('test=1&door_hold=6');
  const { x, y } = await app.centreOf('staff_corner');
  // Every drawn frame's progress, recorded in the page as the frames come.
  await page.evaluate(() => {
    window.__door = [];
    const look = () => {
      const report = window.yousaidTest;
      if (report.screen !== 'welcome') return;
      const last = window.__door[window.__door.length - 1];
      if (last !== report.staff.doorProgress) window.__door.push(report.staff.doorProgress);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForFunction(() => window.yousaidTest.staff.doorProgress > 0.15);
  const png = decodePng(await page.screenshot({ path: join(ARTIFACTS, 'volunteer-corner-ring.png') }));
  await page.waitForFunction(() => window.yousaidTest.screen === 'staff_pin', null, { timeout: 15000 });
  await page.mouse.up();
  const seen = await page.evaluate(() => window.__door.filter((progress) => progress > 0));
  assert.ok(seen.length >= 5, `the ring moved on frame by frame: ${seen.join(', ')}`);
  for (let index = 1; index < seen.length; index++) {
    assert.ok(seen[index] > seen[index - 1], `the ring only grows while held: ${seen.join(', ')}`);
  }
  // The filled arc is drawn in the primary colour near the corner.
  let blue = 0;
  for (let py = 0; py < 260; py += 2) {
    for (let px = 0; px < 260; px += 2) {
      const [r, g, b] = png.pixel(px, py);
      if (b > 150 && r < 60 && g > 60 && g < 120) blue += 1;
    }
  }
  assert.ok(blue > 40, `the ring is drawn (${blue} samples of its colour)`);
  assert.equal((await app.report()).staff.doorProgress, 0, 'no ring once the door is open');
});

browserTest('a weak PIN is refused at its first entry', async ({ app, page }) => {
  await app.open('test=1');
  await app.holdStaffCorner();
  await app.waitForScreen('staff_pin');
  await app.enterPin('1234');
  let report = await app.report();
  assert.equal(report.title, 'Choose a staff PIN', 'not asked to type a refused PIN again');
  assert.match(report.announcement, /too easy to guess/);
  await shot(page, 'volunteer-weak-pin');
  await app.enterPin('0000');
  report = await app.report();
  assert.equal(report.title, 'Choose a staff PIN');
  assert.match(report.announcement, /One digit repeated/);
  await app.enterPin(STATION_PIN);
  report = await app.report();
  assert.equal(report.title, 'Enter the new PIN again');
  await app.enterPin(STATION_PIN);
  await app.waitForScreen('staff_home');
});

browserTest('deleting buttons are red in every theme, and say what goes', async ({ app, page }) => {
  await app.open('test=1&survey=pupil&finish_return=60');
  await declineThenReload(app, 1);
  await chooseStationPin(app);
  assert.equal((await app.item('clear_device')).label, 'Delete this station\'s 1 response');
  await app.scrollIntoView('clear_device');
  await app.scrollIntoView('export');
  await expectDangerButtons(app, page, ['clear_device'], { name: 'the default theme' });
  await shot(page, 'volunteer-live-view-danger');
  await app.tap('clear_device');
  let report = await app.waitForScreen('clear_device');
  assert.equal(report.title, 'Delete this station\'s responses');
  await app.tap('accept_loss');
  assert.equal((await app.item('clear_continue')).label, 'Delete 1 response from this station');
  const png = decodePng(await page.screenshot());
  assert.ok(isRed(fillOf(png, await app.item('clear_continue'))), 'the first step is red');
  await shot(page, 'volunteer-clear-device');
  await app.tap('clear_continue');
  assert.equal((await app.item('clear_confirm')).label, 'Yes, delete 1 response for good');
  await shot(page, 'volunteer-clear-confirm');
  await app.tap('clear_cancel');
  await app.waitForScreen('staff_home');
  await openOfficerArea(app, { firstTime: true });
  assert.equal((await app.item('clear_everything')).label, 'Delete all responses');
  const officer = decodePng(await page.screenshot());
  assert.ok(isRed(fillOf(officer, await app.item('clear_everything'))), 'the officer\'s delete is red');
  await shot(page, 'volunteer-officer-home');
  await app.tap('officer_back');
  await app.tap('leave_staff');

  // High contrast, set by a respondent, stays for the staff area: its own danger colour.
  await app.waitForScreen('welcome');
  await app.tap('settings');
  await app.tap('high_contrast');
  await page.waitForFunction(() => window.yousaidTest.display.highContrast);
  await app.tap('done');
  await app.holdStaffCorner();
  await app.enterPin(STATION_PIN);
  await app.waitForScreen('staff_home');
  await app.scrollIntoView('clear_device');
  await app.scrollIntoView('export');
  await expectDangerButtons(app, page, ['clear_device'], { name: 'high contrast' });
  await shot(page, 'volunteer-live-view-high-contrast');
});
