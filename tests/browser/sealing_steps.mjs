// Steps the sealing tests share: an officer's key made by the native `yousaid_keygen` (built
// beside the web build by the test command), of which only the public key file is kept, and
// loading it on a station in the officer role; typing a passphrase into a masked field.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WEB_DIR } from './harness.mjs';
import { textsOnScreen } from './workspace_steps.mjs';

// The native tools sit in the build folder that holds the web build (YOUSAID_BUILD/wasm/web).
const KEYGEN = join(resolve(WEB_DIR, '..', '..'), 'native', 'yousaid_keygen');

// A new key pair for `name`: its public key file's path, key id and words. The private key
// file is deleted at once, so nothing in a test can open what a station seals to the key.
export function makePublicKeyFile(name) {
  assert.ok(existsSync(KEYGEN), `the native keygen is built (${KEYGEN})`);
  const dir = mkdtempSync(join(tmpdir(), 'yousaid-key-'));
  const printed = execFileSync(KEYGEN, ['--name', name, '--out', dir], {
    env: { ...process.env, YOUSAID_KEY_PASSPHRASE: randomBytes(18).toString('base64') },
    encoding: 'utf8',
  });
  const [, id, words] = printed.match(/key ([0-9a-f]{16}) \(([a-z ]+)\)/);
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.private.json')) rmSync(join(dir, file));
  }
  const path = join(dir, `officer_key_${id}.public.json`);
  assert.ok(existsSync(path), `keygen wrote ${path}`);
  return { path, id, words, remove: () => rmSync(dir, { recursive: true, force: true }) };
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

export async function waitForText(app, pattern, timeout = 10000) {
  await app.page.waitForFunction((source) => window.yousaidTest.texts.some((item) => new RegExp(source).test(item.label)),
    pattern.source, { timeout });
  return textsOnScreen(app);
}
