// The officer's keys in the workspace (#18): making a key (the passphrase typed twice in
// masked fields, too short and not alike refused), both files downloaded, unlocking with the
// wrong and then the right passphrase, locking, and leaving or reloading starting locked. The
// passphrase is never in the accessible layer's DOM, the test hook, the console, the page's
// files or the downloads. Prints how long Argon2id (64 MiB) took to unlock in Chromium.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, browserTest } from './harness.mjs';
import { chooseStationPin, openOfficerArea, shot } from './staff_steps.mjs';
import { typeMasked, waitForText } from './sealing_steps.mjs';
import { chooseFiles, LAPTOP, signInToOfficerHome, textsOnScreen } from './workspace_steps.mjs';

// Random for each run, so that finding it anywhere can only mean it leaked from this run.
const PASSPHRASE = `keys-${randomBytes(8).toString('hex')}`;
const WRONG = `wrong-${randomBytes(8).toString('hex')}`;
const NAME = 'Jo Officer';
// The words key ids are read as (src/core/crypto/sealed_box.cpp), which random passphrases use.
const KEY_WORDS = new Set(('amber apple arrow badge berry blaze brook cabin candle cedar chalk cherry cloud clover ' +
  'comet coral crane daisy delta ember fable falcon fern flint forest frost garden ginger glade harbor hazel heron ' +
  'island ivory jasper kettle lantern lemon lilac maple meadow mint moss nutmeg oak olive orchid otter pebble pepper ' +
  'pine plum quartz raven river robin saffron silver spruce thistle tulip velvet willow zephyr').split(' '));

// Everywhere the page could have let a secret out: the accessible layer's DOM, the test
// hook's report, the console and every file the page keeps (its IndexedDB-backed /data). Once
// the app has used a passphrase, the password inputs are empty too (while it is being typed,
// the one typed into holds it, as any password input does).
async function assertNowhere(app, consoleLines, secret, when, { typing = false } = {}) {
  const found = await app.page.evaluate(([text, typing]) => {
    const places = [];
    if (document.documentElement.outerHTML.includes(text)) places.push('DOM');
    const inputs = [...document.querySelectorAll('#yousaid-accessible input, #yousaid-accessible textarea')];
    if (!typing && inputs.some((input) => input.value.includes(text))) places.push('an input left holding it');
    if (JSON.stringify(window.yousaidTest).includes(text)) places.push('test hook');
    const walk = (path) => {
      for (const name of window.Module.FS.readdir(path)) {
        if (name === '.' || name === '..') continue;
        const child = `${path}/${name}`;
        const stat = window.Module.FS.stat(child);
        if (window.Module.FS.isDir(stat.mode)) walk(child);
        else if (new TextDecoder().decode(window.Module.FS.readFile(child)).includes(text)) places.push(child);
      }
    };
    walk('/data');
    return places;
  }, [secret, typing]);
  if (consoleLines.some((line) => line.includes(secret))) found.push('console');
  assert.deepEqual(found, [], `the passphrase was found ${when}`);
}

// From the officer's home to the Keys view: there before any responses are imported, as a
// station needs a public key first.
async function openKeys(app) {
  await app.tap('officer_keys');
  await app.waitForScreen('workspace');
  await waitForText(app, /^Create an officer key$/);
}

// Signed in again (the officer's page opens at the staff PIN pad), on to the Keys view.
async function signInToKeys(app) {
  await signInToOfficerHome(app);
  await openKeys(app);
}

async function unlock(app, file) {
  await chooseFiles(app, 'keys_choose_file', [file]);
  await waitForText(app, /^Key file: /);
  await typeMasked(app, 'unlock_passphrase', PASSPHRASE);
  await app.click('keys_unlock');
  return waitForText(app, /^Unlocked Jo Officer's key/, 30000);
}

async function download(app, id, name) {
  const [file] = await Promise.all([app.page.waitForEvent('download'), app.click(id)]);
  assert.equal(file.suggestedFilename(), name);
  const path = join(ARTIFACTS, name);
  await file.saveAs(path);
  return { path, text: readFileSync(path, 'utf8') };
}

browserTest('an officer makes a key, unlocks it, locks it; the passphrase goes nowhere', async ({ app, page, consoleLines }) => {
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await openKeys(app);
  let texts = await textsOnScreen(app);
  assert.match(texts, /No key is unlocked here\./);
  assert.match(texts, /nobody can ever read the answers/);
  assert.match(texts, /recovery key/);
  await shot(page, 'officer-keys-1-none');

  // Six random words offered, from the word list.
  await app.click('keys_offer_words');
  texts = await waitForText(app, /^Suggested passphrase: /);
  const offered = texts.match(/Suggested passphrase: (.*)/)[1].split(' ');
  assert.equal(offered.length, 6);
  assert.ok(offered.every((word) => KEY_WORDS.has(word)), offered.join(' '));

  await app.typeInto('key_name', NAME);
  // Too short, then not alike: each says why, and no key is made.
  await typeMasked(app, 'key_passphrase', 'too short');
  await typeMasked(app, 'key_passphrase_again', 'too short');
  await app.click('keys_create');
  await waitForText(app, /at least 12 characters:/);
  await app.scrollIntoView('keys_create');
  await shot(page, 'officer-keys-2-too-short');
  await typeMasked(app, 'key_passphrase', PASSPHRASE);
  await typeMasked(app, 'key_passphrase_again', `${PASSPHRASE}x`);
  await assertNowhere(app, consoleLines, PASSPHRASE, 'while typed', { typing: true });
  await app.click('keys_create');
  await waitForText(app, /The two passphrases are not the same/);
  await app.scrollIntoView('keys_create');
  await shot(page, 'officer-keys-3-not-alike');
  // The second box was emptied; typed alike, the key is made (and unlocked once to check it).
  assert.equal((await app.item('key_passphrase_again')).entered, 0);
  await typeMasked(app, 'key_passphrase_again', PASSPHRASE);
  const creating = Date.now();
  await app.click('keys_create');
  texts = await waitForText(app, /^Key made for Jo Officer: /, 30000);
  console.log(`# making a key (Argon2id 64 MiB twice: sealing, then the test unlock) took ${Date.now() - creating} ms in Chromium, as the test saw it`);
  const [, words, keyId] = texts.match(/Key made for Jo Officer: ([a-z ]+) \(key id ([0-9a-f]{16})\)/);
  assert.equal(words.split(' ').length, 4);
  // Both boxes were wiped once the key was made.
  assert.equal((await app.item('key_passphrase')).entered, 0);
  assert.equal((await app.item('key_passphrase_again')).entered, 0);
  await app.scrollIntoView('download_private_key');
  await shot(page, 'officer-keys-4-made');

  const privateFile = await download(app, 'download_private_key', `officer_key_${keyId}.private.json`);
  const publicFile = await download(app, 'download_public_key', `officer_key_${keyId}.public.json`);
  const privateJson = JSON.parse(privateFile.text);
  const publicJson = JSON.parse(publicFile.text);
  assert.equal(privateJson.format, 'yousaid-officer-private-key');
  assert.equal(privateJson.key_id, keyId);
  assert.equal(privateJson.name, NAME);
  assert.equal(privateJson.passphrase_key.algorithm, 'argon2id13');
  assert.equal(privateJson.passphrase_key.memory_bytes, 64 * 1024 * 1024);
  assert.equal(publicJson.format, 'yousaid-officer-public-key');
  assert.equal(publicJson.key_id, keyId);
  assert.equal(publicJson.public_key, privateJson.public_key);
  for (const file of [privateFile, publicFile]) assert.ok(!file.text.includes(PASSPHRASE), `${file.path} holds the passphrase`);
  assert.ok(!('secret_key' in privateJson), 'the secret key is only ever sealed');

  // Unlocking: the file chosen, the wrong passphrase first. A clear message, nothing unlocked.
  await chooseFiles(app, 'keys_choose_file', [privateFile.path]);
  await waitForText(app, new RegExp(`^Key file: officer_key_${keyId}\\.private\\.json$`));
  await typeMasked(app, 'unlock_passphrase', WRONG);
  await app.click('keys_unlock');
  texts = await waitForText(app, /the passphrase does not open this key file/, 30000);
  assert.match(texts, /No key is unlocked here\./);
  assert.equal((await app.item('unlock_passphrase')).entered, 0);
  await shot(page, 'officer-keys-5-wrong-passphrase');

  // The right one: listed by name and words, with how long Argon2id took.
  await typeMasked(app, 'unlock_passphrase', PASSPHRASE);
  // The frame saying that a key is being worked on must be drawn before the second of Argon2id.
  await app.recordDrawnMatches(/^Unlocking the key: /);
  await app.click('keys_unlock');
  texts = await waitForText(app, /^Unlocked Jo Officer's key/, 30000);
  assert.ok((await app.drawnMatches()).length > 0, 'a frame said the key was being unlocked');
  const took = Number(texts.match(/Unlocked Jo Officer's key \([a-z ]+\) in (\d+) ms/)[1]);
  console.log(`# Argon2id unlock (64 MiB, 2 passes) in Chromium: ${took} ms`);
  assert.ok(texts.includes(`${NAME}: ${words} (key id ${keyId})`), texts);
  assert.ok(!texts.includes('No key is unlocked here.'));
  await app.scrollIntoView('keys_lock');
  await shot(page, 'officer-keys-6-unlocked');
  await assertNowhere(app, consoleLines, PASSPHRASE, 'after creating and unlocking');
  await assertNowhere(app, consoleLines, WRONG, 'after the wrong try');

  // Lock wipes it.
  await app.click('keys_lock');
  texts = await waitForText(app, /^Every key is locked/);
  assert.match(texts, /No key is unlocked here\./);
  await shot(page, 'officer-keys-7-locked');

  // Unlocked again, then the officer leaves the figures: back in, it is locked.
  await typeMasked(app, 'unlock_passphrase', PASSPHRASE);
  await app.click('keys_unlock');
  await waitForText(app, /^Unlocked Jo Officer's key/, 30000);
  await app.click('workspace_back');
  await app.waitForScreen('officer_home');
  await openKeys(app);
  texts = await textsOnScreen(app);
  assert.match(texts, /No key is unlocked here\./);
  assert.match(texts, /Choose your private key file/, 'the chosen key file is forgotten too');

  // After a reload the page starts locked.
  await unlock(app, privateFile.path);
  await page.reload();
  await app.waitForReady();
  await signInToKeys(app);
  assert.match(await textsOnScreen(app), /No key is unlocked here\./);
  await shot(page, 'officer-keys-8-after-reload');

  // Left alone (a 6-second idle timeout here), the page signs out and wipes the keys.
  await app.open('test=1&idle=6', 'officer.html');
  await signInToKeys(app);
  await unlock(app, privateFile.path);
  await app.waitForScreen('staff_pin', 15000);
  await signInToKeys(app);
  assert.match(await textsOnScreen(app), /No key is unlocked here\./);
  await assertNowhere(app, consoleLines, PASSPHRASE, 'at the end');
}, { context: LAPTOP, timeout: 240000 });
