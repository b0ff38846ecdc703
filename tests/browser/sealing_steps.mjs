// Steps the sealing tests share: an officer's key made by the native `yousaid_keygen` (built
// beside the web build by the test command), loading its public key file on a station in the
// officer role, sealing a copy of answers kept in the clear with the native `yousaid_seal`,
// and typing a passphrase into a masked field.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answerQuestions, WEB_DIR } from './harness.mjs';
import { chooseStationPin, openOfficerArea } from './staff_steps.mjs';
import { chooseFiles, showView } from './workspace_steps.mjs';

// The native tools sit in the build folder that holds the web build (YOUSAID_BUILD/wasm/web).
const NATIVE = join(resolve(WEB_DIR, '..', '..'), 'native');
const KEYGEN = join(NATIVE, 'yousaid_keygen');
const SEAL = join(NATIVE, 'yousaid_seal');

// A new key pair for `name` under `passphrase`: both files' paths, its key id and words.
export function makeKeyPair(name, passphrase) {
  assert.ok(existsSync(KEYGEN), `the native keygen is built (${KEYGEN})`);
  const dir = mkdtempSync(join(tmpdir(), 'yousaid-key-'));
  const printed = execFileSync(KEYGEN, ['--name', name, '--out', dir], {
    env: { ...process.env, YOUSAID_KEY_PASSPHRASE: passphrase },
    encoding: 'utf8',
  });
  const [, id, words] = printed.match(/key ([0-9a-f]{16}) \(([a-z ]+)\)/);
  const path = join(dir, `officer_key_${id}.public.json`);
  const privatePath = join(dir, `officer_key_${id}.private.json`);
  assert.ok(existsSync(path) && existsSync(privatePath), `keygen wrote both files in ${dir}`);
  return { path, privatePath, dir, id, words, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// A new key pair for `name` of which only the public key file is kept: its private key file
// is deleted at once, so nothing in a test can open what a station seals to the key.
export function makePublicKeyFile(name) {
  const key = makeKeyPair(name, randomBytes(18).toString('base64'));
  for (const file of readdirSync(key.dir)) {
    if (file.endsWith('.private.json')) rmSync(join(key.dir, file));
  }
  delete key.privatePath;
  return key;
}

// A sealed copy of response files (kept in the clear) to `key`'s public key, as one transfer
// file beside the key: `scripts/yousaid seal`.
export function sealCopy(key, survey, files, name = 'sealed-copy.yousaid') {
  assert.ok(existsSync(SEAL), `the native seal tool is built (${SEAL})`);
  const out = join(key.dir, name);
  execFileSync(SEAL, ['--survey', survey, '--key', key.path, '--out', out, ...files], { encoding: 'utf8' });
  return out;
}

// Types into a masked field as on a keyboard, replacing what was there; waits until the app
// counts the characters (it never publishes them).
export async function typeMasked(app, id, text) {
  await app.tap(id);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Backspace');
  await app.page.keyboard.type(text, { delay: 5 });
  await app.page.waitForFunction(([item, count]) => {
    const found = window.yousaidTest.items.find((candidate) => candidate.id === item);
    return found && found.masked && found.entered === count;
  }, [id, [...text].length], { timeout: 5000 });
}

// Waits until a text on screen matches `pattern`; returns every text on screen.
export async function waitForText(app, pattern, timeout = 10000) {
  await app.page.waitForFunction((source) => window.yousaidTest.texts.some((item) => new RegExp(source).test(item.label)),
    pattern.source, { timeout });
  const report = await app.report();
  return report.texts.map((item) => item.label).join('\n');
}

// From the officer's home: the key file loaded under Officer keys; back on the officer's home.
export async function addPublicKey(app, key) {
  await app.tap('officer_keys');
  await app.waitForScreen('officer_keys');
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap('add_public_key')]);
  await chooser.setFiles(key.path);
  await app.page.waitForFunction(() => /^Added /.test(window.yousaidTest.staff.notice));
  await app.tap('keys_back');
  return app.waitForScreen('officer_home');
}

// A new station whose answers are sealed to `key`: both PINs chosen, the key's public file
// loaded in the officer role, and back at the welcome screen for the first response.
export async function makeSealingStation(app, key) {
  await chooseStationPin(app);
  await openOfficerArea(app, { firstTime: true });
  await addPublicKey(app, key);
  await app.tap('officer_back');
  await app.waitForScreen('staff_home');
  await app.tap('leave_staff');
  await app.waitForScreen('welcome');
}

// One pupil response with `typed` as its free-text answer (and a year group), sent: at the
// thank-you screen.
export async function answerWithText(app, typed) {
  await app.startSurvey();
  const plan = new Proxy({ year_group: { tap: ['option:year_group:year_9'] }, one_thing_to_change: { type: typed } },
    { get: (answers, question) => answers[question] || { skip: true } });
  await answerQuestions(app, plan);
  await app.waitForScreen('check');
  await app.tap('submit');
  await app.waitForScreen('thank_you');
}

// On the officer's page, the figures' Keys tab: a private key file chosen, its passphrase
// typed, Unlock clicked.
export async function unlockWith(app, key, passphrase) {
  await showView(app, 'keys');
  await waitForText(app, /^Create an officer key$/);
  await chooseFiles(app, 'keys_choose_file', [key.privatePath]);
  await waitForText(app, /^Key file: /);
  await typeMasked(app, 'unlock_passphrase', passphrase);
  await app.click('keys_unlock');
}
