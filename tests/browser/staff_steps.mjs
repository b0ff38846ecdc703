// Steps staff take, shared by the browser tests: choosing and entering the station PIN,
// and reaching the officer's area. Each waits for the screen a person would then see.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS } from './harness.mjs';

export const STATION_PIN = '2580';
export const OFFICER_PIN = '1470';

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

// A fresh device: the station PIN is chosen at the corner (the officer's page opens at the
// PIN pad); returns on the volunteer's home.
export async function chooseStationPin(app, { officerPage = false } = {}) {
  if (!officerPage) await app.holdStaffCorner();
  const report = await app.waitForScreen('staff_pin');
  assert.equal(report.title, 'Choose a staff PIN');
  assert.ok(report.items.length > 0);
  await app.enterPin(STATION_PIN);
  await app.enterPin(STATION_PIN);
  return app.waitForScreen('staff_home');
}

export async function signInAsVolunteer(app) {
  await app.holdStaffCorner();
  await app.enterPin(STATION_PIN);
  return app.waitForScreen('staff_home');
}

// From the volunteer's home to the officer's, choosing the officer PIN the first time.
export async function openOfficerArea(app, { firstTime = false } = {}) {
  await app.tap('officer_area');
  const report = await app.waitForScreen('officer_pin');
  assert.equal(report.title, firstTime ? 'Choose an officer PIN' : 'Enter the officer PIN');
  if (firstTime) await app.enterPin(OFFICER_PIN);
  await app.enterPin(OFFICER_PIN);
  return app.waitForScreen('officer_home');
}
