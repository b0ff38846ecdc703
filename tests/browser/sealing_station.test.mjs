// A sealing station (issue 18): the officer loads a public key file in the officer role, the
// station then seals every response as it is saved, and nothing the tablet keeps or exports
// holds an answer: the browser's IndexedDB files read byte by byte, the transfer file and the
// JSON export hold none of three random tokens typed as free text, and no question or option
// id of what was answered, while the counts a volunteer needs still show.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, browserTest, indexedDbFiles, storedResponses } from './harness.mjs';
import { chooseStationPin, openOfficerArea, shot, signInAsVolunteer } from './staff_steps.mjs';
import { addPublicKey, answerWithText, makePublicKeyFile } from './sealing_steps.mjs';

// What was answered, by id: none of these may be readable anywhere once sealed.
const ANSWERED_IDS = ['year_group', 'year_9', 'one_thing_to_change'];

// 24 random letters and digits, typed as the free-text answer of one response.
function token() {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 24);
}

// Asserts that none of `secrets` is in `bytes` (as bytes, in any file format).
function assertNoneIn(bytes, secrets, what) {
  for (const secret of secrets) {
    assert.equal(bytes.indexOf(Buffer.from(secret, 'utf8')), -1, `${what} holds "${secret}"`);
  }
}

async function download(app, page, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), app.tap(id)]);
  const path = join(ARTIFACTS, `sealing-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

function drawn(report) { return report.drawnText.replace(/\s+/g, ' '); }

browserTest('a sealing station: answers (and a refusal) are sealed as they are saved; storage and exports hold none of them', async ({ app, page }) => {
  const key = makePublicKeyFile('Sam Patel');
  await app.open('test=1');
  let report = await chooseStationPin(app);
  assert.match(drawn(report), /Answers on this tablet are not sealed/);
  await shot(page, 'sealing-live-view-no-key');

  // Only the officer reaches the keys: the volunteer's pages offer no way to them.
  assert.ok(!report.items.some((item) => item.id === 'officer_keys' || item.id === 'add_public_key'));
  await openOfficerArea(app, { firstTime: true });
  await app.tap('officer_keys');
  report = await app.waitForScreen('officer_keys');
  assert.match(drawn(report), /No key yet: answers on this tablet are not sealed/);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.tap('add_public_key')]);
  await chooser.setFiles(key.path);
  await page.waitForFunction(() => /Added Sam Patel's key/.test(window.yousaidTest.staff.notice));
  report = await app.report();
  assert.ok(drawn(report).includes(`Sam Patel's key: ${key.words}`), 'the key is listed by its words');
  assert.ok(drawn(report).includes(`Key id ${key.id}`));
  assert.ok(report.items.some((item) => item.id === `remove_key_${key.id}`));
  await shot(page, 'sealing-officer-keys');

  // The same key file again is refused, and the keys do not change.
  const [again] = await Promise.all([page.waitForEvent('filechooser'), app.tap('add_public_key')]);
  await again.setFiles(key.path);
  await page.waitForFunction(() => /already seals to/.test(window.yousaidTest.staff.notice));

  await app.tap('keys_back');
  await app.waitForScreen('officer_home');
  await app.tap('officer_back');
  report = await app.waitForScreen('staff_home');
  assert.ok(drawn(report).includes(`Answers are sealed to this key: Sam Patel's key: ${key.words}`));
  assert.doesNotMatch(drawn(report), /not sealed/);
  await shot(page, 'sealing-live-view-with-key');
  await app.tap('station_setup');
  report = await app.waitForScreen('station_setup');
  assert.ok(drawn(await app.report()).includes(`Sam Patel's key: ${key.words}`));
  await shot(page, 'sealing-setup-key-words');
  await app.tap('setup_cancel');
  await app.waitForScreen('staff_home');
  await app.tap('leave_staff');
  await app.waitForScreen('welcome');

  // Three responses, each with its own token in the free-text answer.
  const tokens = [token(), token(), token()];
  for (const [index, typed] of tokens.entries()) {
    await answerWithText(app, typed);
    await page.waitForFunction((count) => window.yousaidTest.stored.length === count &&
      window.yousaidTest.storage.saveState === 'saved', index + 1);
    await page.reload();
    await app.waitForReady();
  }
  // A refusal is stored too, and sealed like the rest.
  await app.tap('start');
  await app.waitForScreen('consent');
  await app.tap('consent_no');
  await page.waitForFunction(() => window.yousaidTest.stored.length === 4);
  await app.waitForStorageSaved();
  await page.reload();
  await app.waitForReady();
  const secrets = [...tokens, ...ANSWERED_IDS];

  // What the tablet keeps: sealed records, whose readable part still counts.
  report = await app.report();
  const stored = storedResponses(report);
  assert.equal(stored.length, 4);
  assert.deepEqual(stored.map((response) => response.status).sort(), ['complete', 'complete', 'complete', 'refused']);
  for (const response of stored) {
    assert.equal(response.survey_id, 'pupil');
    assert.deepEqual(response.answers, {});
    assert.ok(response.sealed.length > 0);
  }
  const files = await indexedDbFiles(page);
  assert.ok(Object.keys(files).some((path) => path.endsWith('responses.yslog')), `IndexedDB: ${Object.keys(files)}`);
  assert.ok(Object.keys(files).some((path) => path.endsWith('station_keys.json')));
  for (const [path, bytes] of Object.entries(files)) assertNoneIn(bytes, secrets, `IndexedDB file ${path}`);

  // The volunteer's live view still counts them; the exports hold sealed records only.
  report = await signInAsVolunteer(app);
  for (const [caption, count] of [['In total', 4], ['Complete', 3], ['Partial', 0], ['Said no', 1]]) {
    assert.ok(report.texts.some((item) => item.label === `${caption}: ${count}`), `the live view shows "${caption}: ${count}"`);
  }
  assert.match(drawn(report), /4 responses not yet exported/);
  const json = await download(app, page, 'export_json');
  const transfer = await download(app, page, 'export');
  for (const path of [json, transfer]) assertNoneIn(readFileSync(path), secrets, path);
  const exported = JSON.parse(readFileSync(json, 'utf8'));
  assert.deepEqual(exported.counts, [{ survey_id: 'pupil', survey_version: 1, complete: 3, partial: 0, refused: 1, total: 4 }]);
  const responses = exported.responses;
  assert.equal(responses.length, 4);
  assert.deepEqual(new Set(responses.map((response) => response.id)), new Set(stored.map((response) => response.id)));
  for (const response of responses) {
    assert.equal(response.survey_id, 'pupil');
    assert.ok(typeof response.sealed === 'string' && response.sealed.length > 100);
    assert.deepEqual(response.answers, {}, 'a sealed response shows no answers');
    assert.equal(response.language, '');
  }
  key.remove();
}, { timeout: 240000 });

// A station pack (version 2) with the officer's and a recovery key, loaded by a volunteer.
function writeKeyPack(name, keys) {
  const pack = {
    format: 'yousaid-station-pack', version: 2, prepared_by: 'Sam Patel', prepared_on: '2026-12-02',
    survey: JSON.parse(readFileSync('assets/surveys/pupil.json', 'utf8')),
    station_defaults: { wave: '2026-autumn', default_language: 'en', default_answer_mode: 'self',
      idle_timeout_seconds: 240, keep_partial_answers: true },
    cards: [], public_keys: keys.map((key) => JSON.parse(readFileSync(key.path, 'utf8'))),
  };
  const path = join(ARTIFACTS, name);
  writeFileSync(path, JSON.stringify(pack));
  return path;
}

async function loadPack(app, path) {
  await app.tap('station_setup');
  await app.waitForScreen('station_setup');
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap('load_pack')]);
  await chooser.setFiles(path);
  return app.waitForScreen('station_pack');
}

browserTest('a station pack brings the keys, shown as words first; a volunteer\'s pack cannot change them later', async ({ app, page }) => {
  const officer = makePublicKeyFile('Sam Patel');
  const recovery = makePublicKeyFile('Team safe');
  const stranger = makePublicKeyFile('Someone else');
  await app.open('test=1');
  await chooseStationPin(app);
  let report = await loadPack(app, writeKeyPack('sealing_pack.json', [officer, recovery]));
  for (const key of [[officer, 'Sam Patel'], [recovery, 'Team safe']]) {
    assert.ok(drawn(report).includes(`${key[1]}'s key: ${key[0].words}`), `the pack page shows ${key[1]}'s words`);
  }
  await app.scrollIntoView('use_pack');
  await shot(page, 'sealing-pack-keys');
  await app.tap('use_pack');
  report = await app.waitForScreen('station_setup');
  assert.match(report.staff.notice, /Answers are now sealed to the pack's 2 keys/);
  await app.tap('setup_save');
  report = await app.waitForScreen('staff_home');
  assert.ok(drawn(report).includes(`Answers are sealed to these 2 keys: Sam Patel's key: ${officer.words} Team safe's key: ${recovery.words}`));

  // A pack with other keys, from the volunteer: the page says they will not be used, and they are not.
  report = await loadPack(app, writeKeyPack('stranger_pack.json', [stranger]));
  assert.match(drawn(report), /already seals to other keys\. Only an officer can change them/);
  await app.tap('use_pack');
  report = await app.waitForScreen('station_setup');
  assert.match(report.staff.notice, /The pack's keys were not used/);
  await app.tap('setup_save');
  report = await app.waitForScreen('staff_home');
  assert.ok(drawn(report).includes(`Sam Patel's key: ${officer.words}`));
  assert.ok(!drawn(report).includes(stranger.words));
  for (const key of [officer, recovery, stranger]) key.remove();
});

// The station's keys file as IndexedDB holds it, damaged in place (as a failing disk or a
// half-restored backup might): the next start must not fall back to storing answers in the clear.
async function damageKeysFile(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('/data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const store = db.transaction('FILE_DATA', 'readwrite').objectStore('FILE_DATA');
      const read = store.get('/data/station_keys.json');
      read.onsuccess = () => {
        const entry = read.result;
        entry.contents = entry.contents.slice(0, entry.contents.length / 2);
        const written = store.put(entry, '/data/station_keys.json');
        written.onsuccess = () => { db.close(); resolve(); };
        written.onerror = () => reject(written.error);
      };
    };
  }));
}

browserTest('a damaged keys file: the station takes no answers and says why, until the officer loads the key again; removing it says answers are not sealed', async ({ app, page }) => {
  const key = makePublicKeyFile('Sam Patel');
  await app.open('test=1');
  await chooseStationPin(app);
  await openOfficerArea(app, { firstTime: true });
  await addPublicKey(app, key);
  await app.waitForStorageSaved();
  await damageKeysFile(page);
  await page.reload();
  await app.waitForReady();
  let report = await app.waitForScreen('welcome');
  assert.equal(report.title, 'This survey is not ready');
  assert.equal((await app.item('start')).enabled, false);
  report = await signInAsVolunteer(app);
  assert.match(drawn(report), /This station takes no answers: the keys its answers are sealed to could not be read \(station_keys\.json/);
  await shot(page, 'sealing-live-view-damaged-keys');
  await openOfficerArea(app);
  await addPublicKey(app, key);
  await app.tap('officer_back');
  report = await app.waitForScreen('staff_home');
  assert.ok(drawn(report).includes(`Answers are sealed to this key: Sam Patel's key: ${key.words}`));
  await app.tap('leave_staff');
  report = await app.waitForScreen('welcome');
  assert.equal((await app.item('start')).enabled, true);

  // The officer removes the key: the station says plainly that answers are no longer sealed.
  await signInAsVolunteer(app);
  await openOfficerArea(app);
  await app.tap('officer_keys');
  await app.waitForScreen('officer_keys');
  await app.tap(`remove_key_${key.id}`);
  report = await app.report();
  assert.match(report.staff.notice, /This station seals to no key now: answers from now on are not sealed/);
  assert.match(drawn(report), /No key yet: answers on this tablet are not sealed/);
  key.remove();
});
