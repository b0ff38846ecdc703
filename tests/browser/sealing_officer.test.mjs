// Sealed answers on the officer's page (#18): the README's demo responses, sealed to an
// officer's key with `scripts/yousaid seal`, imported. Without the key the page shows how many
// responses there are, by wave, and no figure from their answers; a wrong passphrase says so
// and changes nothing; the right one opens them (with a progress bar) and every file the page
// downloads is the CLI's byte for byte, as for the same answers in the clear; locking hides the
// figures again; after a reload one unlock opens the store again. The officer store on the
// device never holds an answer in the clear.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppDriver, ARTIFACTS, browserTest, indexedDbFiles, TABLET } from './harness.mjs';
import { answerWithText, makeKeyPair, makeSealingStation, sealCopy, unlockWith, waitForText } from './sealing_steps.mjs';
import { chooseStationPin, openOfficerArea, shot, signInAsVolunteer } from './staff_steps.mjs';
import {
  chooseDemoSettings, chooseFiles, chooseFilesToImport, CLI_DEMO_SUMS, DEMO, DEMO_RESPONSE_COUNT, DEMO_RESPONSES, LAPTOP, reloadIntoWorkspace,
  showView, textsOnScreen,
} from './workspace_steps.mjs';

const PASSPHRASE = `officer-${randomBytes(8).toString('hex')}`;
const WRONG = `wrong-${randomBytes(8).toString('hex')}`;
// The downloads that name their input files (report.html and summary.json list each file and
// its SHA-256, and the sealed copy is another file) are left out of the byte-for-byte check.
const SAME_AS_CLI = [...CLI_DEMO_SUMS.keys()].filter((name) => name.endsWith('.csv'));
// A sentence of the satisfaction view that only the answers can give.
const FIGURE = /^I feel safe, 2025: \d+\.\d% positive/m;

// Free-text answers in the demo's CSV ("one thing to change"): none may be found in the
// officer store's files once imported, opened or not.
function someComments() {
  const [header, ...rows] = readFileSync(DEMO_RESPONSES[1], 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const column = header.split(',').indexOf('one_thing_to_change');
  const comments = rows.filter((row) => !row.includes('"')).map((row) => row.split(',')[column])
    .filter((text) => text && text.length >= 24);
  return [...new Set(comments)].slice(0, 5);
}

async function openKeysView(app) {
  await showView(app, 'keys');
  await waitForText(app, /^Create an officer key$/);
}

async function assertNoFigures(app, when) {
  await showView(app, 'satisfaction');
  const texts = await textsOnScreen(app);
  assert.ok(!FIGURE.test(texts), `a satisfaction figure shows ${when}:\n${texts}`);
}

async function assertStoreHoldsNoComment(page, comments, when) {
  const files = await indexedDbFiles(page);
  for (const [path, bytes] of Object.entries(files)) {
    const text = Buffer.from(bytes).toString('latin1');
    for (const comment of comments) assert.ok(!text.includes(comment), `${path} holds "${comment}" ${when}`);
  }
}

async function downloadsMatchCli(app, page) {
  await showView(app, 'downloads');
  for (const name of SAME_AS_CLI) {
    const [download] = await Promise.all([page.waitForEvent('download'), app.click(`download:${name}`)]);
    const path = join(ARTIFACTS, `sealed-${name}`);
    await download.saveAs(path);
    const sum = createHash('sha256').update(readFileSync(path)).digest('hex');
    assert.equal(sum, CLI_DEMO_SUMS.get(name), `${name}, from the sealed copy, differs from the CLI's on the answers in the clear`);
  }
}

browserTest('sealed answers: counts without the key, the CLI\'s figures once unlocked, hidden when locked, one unlock after a reload', async ({ app, page }) => {
  const key = makeKeyPair('Jo Officer', PASSPHRASE);
  const sealed = sealCopy(key, resolve('assets/surveys/pupil.json'), DEMO_RESPONSES);
  const comments = someComments();
  assert.ok(comments.length > 0, 'the demo has free-text answers to look for');
  try {
    await app.open('test=1', 'officer.html');
    await chooseStationPin(app, { officerPage: true });
    await openOfficerArea(app, { firstTime: true });
    await chooseFilesToImport(app, [sealed]);
    await page.waitForFunction((count) => window.yousaidTest.staff.officerResponses === count, DEMO_RESPONSE_COUNT,
      { timeout: 30000 });
    await page.waitForFunction(() => window.yousaidTest.drawnText.includes('Everything is saved on this device.'));
    await shot(page, 'sealed-officer-1-imported');
    await app.tap('import_to_workspace');
    await app.waitForScreen('workspace');

    // Locked: how many, by wave, and nothing from the answers.
    await showView(app, 'overview');
    let texts = await waitForText(app, /^Sealed answers$/);
    assert.match(texts, /1,624 responses are sealed to an officer's key/);
    const perWave = [...texts.matchAll(/, wave (\d{4}): ([\d,]+) complete, ([\d,]+) partial, ([\d,]+) said no/g)];
    assert.deepEqual(perWave.map((row) => row[1]).sort(), ['2024', '2025'], texts);
    const counted = perWave.reduce((sum, row) => sum + [2, 3, 4].reduce((add, at) => add + Number(row[at].replace(/,/g, '')), 0), 0);
    assert.equal(counted, DEMO_RESPONSE_COUNT);
    // With the population file, the overall return rate of each wave shows without the key
    // (the CLI's, for the same answers in the clear).
    await showView(app, 'data');
    await chooseFiles(app, 'load_population', [join(DEMO, 'population.csv')]);
    await page.waitForFunction(() => window.yousaidTest.drawnText.includes('In use: population.csv'));
    await showView(app, 'overview');
    texts = await waitForText(app, /, wave 2025: .*return rate \(RR1\)/);
    const lockedRates = [...texts.matchAll(/, wave (\d{4}): (.*); (return rate \(RR1\) .* invited)\./g)]
      .map(([, wave, counts, rate]) => `Wave ${wave}${wave === '2024' ? ' (baseline)' : ''}: ${counts}; ${rate}.`);
    assert.equal(lockedRates.length, 2, texts);
    await shot(page, 'sealed-officer-2-locked-overview');
    await assertNoFigures(app, 'before any key is unlocked');
    await shot(page, 'sealed-officer-3-locked-satisfaction');
    await assertStoreHoldsNoComment(page, comments, 'after the sealed import');

    // A wrong passphrase: said plainly, nothing else changes.
    await unlockWith(app, key, WRONG);
    texts = await waitForText(app, /the passphrase does not open this key file/, 30000);
    assert.match(texts, /No key is unlocked here\./);
    await shot(page, 'sealed-officer-4-wrong-passphrase');
    await assertNoFigures(app, 'after a wrong passphrase');
    await showView(app, 'overview');
    assert.match(await textsOnScreen(app), /1,624 responses are sealed to an officer's key/);

    // The right one: each response opened once, with a progress bar in sight, then the figures.
    // The officer unlocks at the foot of the Keys tab, and must see the bar there: drawn text
    // is what is in view, not just published.
    await app.recordDrawnMatches(/Opening sealed answers: \d+%/);
    await unlockWith(app, key, PASSPHRASE);
    await waitForText(app, /^Unlocked Jo Officer's key/, 30000);
    const opening = Date.now();
    await page.waitForFunction(() => !window.yousaidTest.texts.some((item) => /^(Opening sealed answers|Sealed answers$)/.test(item.label)),
      null, { timeout: 60000 });
    assert.ok((await app.drawnMatches()).length > 0, 'the opening\'s progress bar was drawn in view');
    console.log(`# opening ${DEMO_RESPONSE_COUNT} sealed responses on the officer's page took about ${Date.now() - opening} ms after the unlock`);
    await chooseDemoSettings(app, page);
    // The return rates shown while locked are the overview's, now from the opened answers.
    await showView(app, 'overview');
    texts = await textsOnScreen(app);
    for (const line of lockedRates) assert.ok(texts.includes(line), `"${line}" not among:\n${texts}`);
    await showView(app, 'satisfaction');
    texts = await textsOnScreen(app);
    assert.ok(FIGURE.test(texts), texts);
    await shot(page, 'sealed-officer-5-unlocked-satisfaction');
    await downloadsMatchCli(app, page);
    await assertStoreHoldsNoComment(page, comments, 'once opened (the columns are sealed to the key at rest)');

    // Locked: the figures go, the counts stay.
    await openKeysView(app);
    await app.click('keys_lock');
    await waitForText(app, /^Every key is locked/);
    await assertNoFigures(app, 'after locking');
    await showView(app, 'overview');
    assert.match(await waitForText(app, /^Sealed answers$/), /1,624 responses are sealed to an officer's key/);
    await shot(page, 'sealed-officer-6-locked-again');

    // After a reload: one unlock, and the figures are back with nothing to open again.
    await reloadIntoWorkspace(app);
    await assertNoFigures(app, 'after a reload, before the unlock');
    await unlockWith(app, key, PASSPHRASE);
    await waitForText(app, /^Unlocked Jo Officer's key/, 30000);
    await showView(app, 'satisfaction');
    await page.waitForFunction((source) => new RegExp(source, 'm').test(window.yousaidTest.texts.map((item) => item.label).join('\n')),
      FIGURE.source, { timeout: 20000 });
    await shot(page, 'sealed-officer-7-after-reload');
    await downloadsMatchCli(app, page);

    // A large file takes the browser a while to read into the page: the bar says so from the
    // start. This one is 60 MB of noise, refused whole with nothing changed.
    await showView(app, 'data');
    const noise = join(key.dir, 'big-random.yousaid');
    writeFileSync(noise, randomBytes(60 * 1000 * 1000));
    await app.recordDrawnMatches(/Reading big-random\.yousaid into the page: (\d+)%/);
    await chooseFiles(app, 'workspace_import', [noise]);
    // A picture of it, when the reading is slow enough to catch.
    await page.waitForFunction(() => /Reading big-random/.test(window.yousaidTest.drawnText), null,
      { polling: 'raf', timeout: 5000 }).then(() => shot(page, 'sealed-officer-reading-a-large-file'), () => {});
    texts = await waitForText(app, /^Not imported\. .*big-random\.yousaid/, 60000);
    assert.ok((await app.drawnMatches()).length > 0, `the bar said the file was being read:\n${texts}`);
    assert.ok(!/^big-random\.yousaid, imported/m.test(texts), 'nothing of it is listed as imported');

    // The same file imported again from the figures, the key unlocked: its sealed answers are
    // opened as they are read, with a bar, and each counts once.
    await app.recordDrawnMatches(/Importing sealed-copy\.yousaid: opening sealed answers, (\d+)%/);
    await chooseFiles(app, 'workspace_import', [sealed]);
    texts = await waitForText(app, /^sealed-copy\.yousaid: 0 added, 1,624 already held, 0 conflicts, 0 rejected$/, 60000);
    assert.ok((await app.drawnMatches()).length > 0, 'the import\'s bar said it was opening sealed answers');
    await shot(page, 'sealed-officer-8-imported-again-unlocked');
    await openKeysView(app);
    await waitForText(app, /^Unlocked Jo Officer's key/);
    await showView(app, 'satisfaction');
    assert.ok(FIGURE.test(await textsOnScreen(app)), 'the figures are the same');
    await downloadsMatchCli(app, page);
  } finally {
    key.remove();
  }
}, { context: LAPTOP, timeout: 300000 });

// A station's own transfer file, sealed on the tablet as each response was saved: the officer's
// page counts it without the key, and once the key is unlocked the same counts come from the
// opened answers, and the words typed on the tablet are there to read.
browserTest('a station\'s sealed transfer file: the same counts locked and opened, and the typed answers once unlocked', async ({ app, page, context }) => {
  const key = makeKeyPair('Jo Officer', PASSPHRASE);
  const tokens = [0, 1, 2].map(() => `token${randomBytes(12).toString('hex')}`);
  let transfer = null;
  try {
    // The tablet: the officer's public key, three responses each with its token, a refusal.
    const tablet = await context.browser().newContext(TABLET);
    const station = new AppDriver(await tablet.newPage(), app.baseUrl);
    await station.open('test=1&survey=pupil');
    await makeSealingStation(station, key);
    for (const typed of tokens) {
      await answerWithText(station, typed);
      await station.tap('next');
      await station.tap('finish');
      await station.waitForScreen('welcome');
    }
    await station.tap('start');
    await station.tap('consent_no');
    await station.waitForScreen('thank_you');
    await station.page.waitForFunction(() => window.yousaidTest.stored.length === 4);
    await station.waitForStorageSaved();
    await station.page.reload();
    await station.waitForReady();
    await signInAsVolunteer(station);
    const [download] = await Promise.all([station.page.waitForEvent('download'), station.tap('export')]);
    transfer = join(key.dir, download.suggestedFilename());
    await download.saveAs(transfer);
    await tablet.close();

    // The officer's page: counted while locked.
    await app.open('test=1', 'officer.html');
    await chooseStationPin(app, { officerPage: true });
    await openOfficerArea(app, { firstTime: true });
    await chooseFilesToImport(app, [transfer]);
    await page.waitForFunction(() => window.yousaidTest.staff.officerResponses === 4, null, { timeout: 30000 });
    await app.tap('import_to_workspace');
    await app.waitForScreen('workspace');
    await showView(app, 'overview');
    let texts = await waitForText(app, /^Sealed answers$/);
    assert.match(texts, /4 responses are sealed to an officer's key/);
    const locked = texts.match(/, wave (\d{4}): 3 complete, 0 partial, 1 said no/);
    assert.ok(locked, texts);
    await showView(app, 'comments');
    texts = await textsOnScreen(app);
    for (const typed of tokens) assert.ok(!texts.includes(typed), 'no answer shows while locked');

    // Unlocked: the same counts, from the opened answers (the store's holdings under Settings:
    // the overview hides a wave this small, as it would in print), and each typed answer.
    await unlockWith(app, key, PASSPHRASE);
    await waitForText(app, /^Unlocked Jo Officer's key/, 30000);
    await showView(app, 'overview');
    await page.waitForFunction(() => !window.yousaidTest.texts.some((item) => item.label === 'Sealed answers'), null,
      { timeout: 30000 });
    assert.match(await textsOnScreen(app), new RegExp(`Wave ${locked[1]} \\(baseline\\): hidden: small numbers\\.`));
    await showView(app, 'data');
    texts = await textsOnScreen(app);
    assert.ok(texts.includes(`Wave ${locked[1]}: 3 complete, 0 partial, 1 said no.`), texts);
    await showView(app, 'comments');
    texts = await textsOnScreen(app);
    for (const typed of tokens) assert.ok(texts.includes(typed), `"${typed}", typed on the tablet, is read once unlocked:\n${texts}`);
    await shot(page, 'sealed-officer-station-file-comments');
  } finally {
    key.remove();
  }
}, { context: LAPTOP, timeout: 240000 });
