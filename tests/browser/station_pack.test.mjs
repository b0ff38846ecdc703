// A station pack from the officer: a volunteer loads it in station setup as one file, sees
// what it holds and whose it is before it is used, and the tablet then runs its survey and
// settings and shows its "You said, we did" cards to each person before consent: on screen,
// read aloud and to a screen reader, with Skip straight to the survey.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, browserTest, completeQuickPupilSurvey } from './harness.mjs';
import { chooseStationPin, openOfficerArea, shot, signInAsVolunteer } from './staff_steps.mjs';
import { makePublicKeyFile, waitForText } from './sealing_steps.mjs';
import { DEMO, LAPTOP, chooseFiles, importDemo, showView } from './workspace_steps.mjs';

const CARDS = [
  { id: 'a1', you_said: { en: 'Fewer than half of you felt listened to in your meetings' },
    we_did: { en: 'start every forum meeting with your questions first' } },
  { id: 'a2', you_said: { en: 'The school toilets were not clean' }, we_did: { en: 'ask every school to check them twice a day' } },
];

function writePack(name, changes = {}) {
  const survey = JSON.parse(readFileSync('assets/surveys/pupil.json', 'utf8'));
  const pack = {
    format: 'yousaid-station-pack', version: 1, prepared_by: 'Sam Patel', prepared_on: '2026-12-02', survey,
    station_defaults: { wave: '2026-autumn', default_language: 'en', default_answer_mode: 'self',
      idle_timeout_seconds: 240, keep_partial_answers: true },
    cards: CARDS, ...changes,
  };
  const path = join(ARTIFACTS, name);
  writeFileSync(path, JSON.stringify(pack));
  return path;
}

async function loadPack(app, path) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap('load_pack')]);
  await chooser.setFiles(path);
}

const FAKE_VOICE = () => {
  window.__spoken = [];
  const voices = [{ lang: 'en-GB', name: 'Test voice', default: true }];
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: { getVoices: () => voices, speak: (utterance) => window.__spoken.push(utterance.text), cancel: () => {},
      addEventListener: () => {} },
  });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
};

// Every StaticText a screen reader would read, from Chromium's accessibility tree.
async function accessibleText(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((node) => !node.ignored && node.role && node.role.value === 'StaticText')
    .map((node) => String(node.name.value)).join(' ').replace(/\s+/g, ' ');
}

// What the screen shows, with wrapped lines joined.
function drawn(report) { return report.drawnText.replace(/\s+/g, ' '); }

// The pack the officer downloads in the first test is the one the tablet loads in the second,
// with the team's recovery key the officer chose for it.
let exportedPack = null;
const RECOVERY = makePublicKeyFile('Team safe');

browserTest('the officer downloads a station pack: the survey, the settings typed, the cards chosen for its tablets', async ({ app, page }) => {
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await importDemo(app);
  // The demo action list: one item done and one in progress are for the pupil survey's tablets.
  await showView(app, 'actions');
  await chooseFiles(app, 'action_load', [join(DEMO, 'you_said_we_did.json')]);
  await page.waitForFunction(() => /4 added/.test(window.yousaidTest.drawnText));
  await showView(app, 'downloads');
  await app.scrollIntoView('download_station_pack');
  assert.match(await waitForText(app, /^No key: tablets set up with this pack keep answers unsealed/), /under "Keys" first/);
  // The team's recovery key, chosen under Keys as its public file, goes into the pack.
  await showView(app, 'keys');
  await chooseFiles(app, 'keys_choose_file', [RECOVERY.path]);
  await waitForText(app, new RegExp(`^Added Team safe's key: ${RECOVERY.words} to the station packs made here`));
  await showView(app, 'downloads');
  await app.scrollIntoView('download_station_pack');
  assert.match(await waitForText(app, /^Answers are sealed to this key/), new RegExp(`Team safe's key: ${RECOVERY.words}`));
  // A pack without the officer's name is not made: the volunteer could not check it.
  await app.click('download_station_pack');
  let report = await app.report();
  assert.match(report.drawnText.replace(/\s+/g, ' '), /The station pack was not made: prepared_by: needs the name/);
  await app.typeInto('pack_prepared_by', 'Sam Patel');
  await app.replaceText('pack_wave', '2026-autumn');
  await app.scrollIntoView('download_station_pack');
  await shot(page, 'workspace-station-pack');
  const [download] = await Promise.all([page.waitForEvent('download'), app.click('download_station_pack')]);
  assert.match(download.suggestedFilename(), /^station_pack_pupil_\d{4}-\d{2}-\d{2}\.json$/);
  exportedPack = join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(exportedPack);
  const pack = JSON.parse(readFileSync(exportedPack, 'utf8'));
  assert.equal(pack.format, 'yousaid-station-pack');
  assert.equal(pack.prepared_by, 'Sam Patel');
  assert.equal(pack.survey.id, 'pupil');
  assert.deepEqual(pack.survey, JSON.parse(readFileSync('assets/surveys/pupil.json', 'utf8')));
  assert.equal(pack.station_defaults.wave, '2026-autumn');
  assert.deepEqual(pack.public_keys.map((key) => key.key_id), [RECOVERY.id]);
  // Done first, then in progress; the planned and dropped items are not for tablets.
  assert.deepEqual(pack.cards.map((card) => card.you_said.en), [
    'Not enough of you feel adults listen when you say what you think.', 'Some of you do not feel safe on the way home.']);
  assert.equal(pack.cards[0].we_did.en, 'The youth forum now sits on every school council meeting.');
  assert.equal(pack.cards[1].we_did.pl, 'Oświetlimy ścieżki do parku i przystanki.');
  report = await app.report();
  assert.match(report.drawnText.replace(/\s+/g, ' '), /Saved station_pack_pupil_.*wave 2026-autumn, 2 cards, 1 key\./);
}, { context: LAPTOP });

browserTest('a volunteer loads a station pack; each person sees its cards, hears them, skips them and answers', async ({ app, page }) => {
  await page.addInitScript(FAKE_VOICE);
  await app.open('test=1');
  await chooseStationPin(app);
  await app.tap('station_setup');
  await app.waitForScreen('station_setup');

  // A pack from a newer app is refused by name, and nothing changes.
  await loadPack(app, writePack('pack_newer.json', { version: 3 }));
  await page.waitForFunction(() => /pack_newer\.json was not used/.test(window.yousaidTest.staff.notice));
  let report = await app.report();
  assert.match(report.staff.notice, /newer/);
  assert.equal(report.screen, 'station_setup');
  await shot(page, 'station-pack-refused');

  // The officer's pack is shown whole before it is used, and the volunteer confirms whose it is.
  assert.ok(exportedPack, 'the officer downloaded a pack');
  await loadPack(app, exportedPack);
  report = await app.waitForScreen('station_pack');
  assert.equal(report.title, 'Station pack from Sam Patel');
  for (const words of ['"How are you doing? Our pupil survey"', 'Wave: 2026-autumn', 'after 3 minutes without a touch',
    'You told us: Not enough of you feel adults listen', 'What we are doing: We will light the paths to the park',
    RECOVERY.words]) {
    assert.ok(drawn(report).includes(words), `the pack page shows "${words}"`);
  }
  const use = await app.item('use_pack');
  assert.equal(use.label, 'Yes, it is from Sam Patel: use it');
  await shot(page, 'station-pack-preview');
  await app.tap('use_pack');
  report = await app.waitForScreen('station_setup');
  assert.match(report.staff.notice, /Using the station pack from Sam Patel/);
  assert.equal((await app.item('wave')).value, '2026-autumn');
  await app.waitForStorageSaved();
  await shot(page, 'station-pack-used');
  await app.tap('setup_save');
  await app.waitForScreen('staff_home');
  await app.waitForStorageSaved();
  await app.tap('leave_staff');
  await app.waitForScreen('welcome');

  // After a reload, as on the morning of the event: the cards are still there.
  await page.reload();
  await app.waitForReady();
  await app.waitForScreen('welcome');
  await app.tap('start');
  report = await app.waitForScreen('you_said');
  assert.equal(report.title, 'Last time, you told us');
  assert.ok(drawn(report).includes('Not enough of you feel adults listen when you say what you think.'));
  assert.ok(drawn(report).includes('1 of 2'));
  await shot(page, 'you-said-card-1');
  const tree = await accessibleText(page);
  assert.ok(tree.includes('You told us') && tree.includes('Not enough of you feel adults listen when you say what you think.') &&
    tree.includes('The youth forum now sits on every school council meeting.'), `a screen reader reads the card: ${tree}`);
  await app.tap('read_aloud');
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.match(spoken[0], /You told us: Not enough of you feel adults listen when you say what you think\. What we are doing about it: The youth forum now sits/);
  await app.tap('next');
  report = await app.report();
  assert.ok(drawn(report).includes('Some of you do not feel safe on the way home.') && drawn(report).includes('2 of 2'));
  await app.tap('skip_cards');
  await app.waitForScreen('consent');
  // Back to the start and on again: the same person does not see the cards twice.
  await app.tap('back');
  await app.waitForScreen('welcome');
  await completeQuickPupilSurvey(app);
  report = await app.report();
  assert.ok(drawn(report).includes('You will see what changed next time on this tablet, and on the poster at your school or club.'));
  await shot(page, 'thank-you-see-what-changed');
  const saved = report.storage;
  assert.ok(saved.responses >= 1);

  await app.tap('next');
  await app.waitForScreen('signposting');
  await app.tap('finish');
  await app.waitForScreen('welcome');
  // The volunteer's station runs the pack's wave.
  report = await signInAsVolunteer(app);
  await app.tap('station_setup');
  assert.equal((await app.item('wave')).value, '2026-autumn');
});
