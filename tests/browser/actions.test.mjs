// "You said, we did": an officer adds three items from the figures, marks one done, and sees
// its KPI on the Targets view and in kpis.csv; downloads the action CSV and the poster; the
// list is still there after a reload, and its backup file loads back without a conflict;
// an item moves by keyboard alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, browserTest } from './harness.mjs';
import { pressOn } from './keyboard_steps.mjs';
import { chooseStationPin, openOfficerArea, shot } from './staff_steps.mjs';
import { importDemo, LAPTOP, reloadIntoWorkspace, showView, textsOnScreen, VIEWS } from './workspace_steps.mjs';

const ACTIONS_VIEW = `workspace_view:${VIEWS.actions}`;

async function showActions(app) {
  await app.click(ACTIONS_VIEW);
  await app.waitUntilIdle(200);
}

// From the Satisfaction view's button for a figure, into the editor of the new item.
async function addFromFigure(app, button, youSaid, weWill) {
  await showView(app, 'satisfaction');
  await app.click(button);
  await app.page.waitForFunction(() => window.yousaidTest.items.some((item) => item.id === 'action_you_said'));
  await app.typeInto('action_you_said', youSaid);
  await app.typeInto('action_we_will', weWill);
  await app.click('action_save');
  await app.page.waitForFunction((said) => window.yousaidTest.drawnText.includes(said), youSaid);
}

async function download(app, name) {
  const [file] = await Promise.all([app.page.waitForEvent('download'), app.click(`download:${name}`)]);
  const path = join(ARTIFACTS, `actions-${name}`);
  await file.saveAs(path);
  return readFileSync(path, 'utf8');
}

const SAID = [
  'Not enough of you feel adults listen when you say what you think.',
  'Some of you do not feel safe on the way home.',
  'You want to be happier at school.',
];

browserTest('the officer adds three items from findings, marks one done, and gets the KPI, the CSV and the poster', async ({ app, page, context }) => {
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await importDemo(app);

  // A figure and a change are offered; the buttons quote only published figures.
  await showView(app, 'satisfaction');
  await app.scrollIntoView('action_from:question:adults_listen');
  await shot(page, 'actions-satisfaction-buttons');
  await addFromFigure(app, 'action_from:question:adults_listen', SAID[0], 'We will ask the youth forum to every school council.');
  await addFromFigure(app, 'action_from:change:feel_safe', SAID[1], 'We will light the paths to the park.');
  await addFromFigure(app, 'action_from:question:happy_at_school', SAID[2], 'We will start two lunchtime clubs.');

  // The first is done.
  await showActions(app);
  await app.click('action_edit:0');
  await app.click('action_status:done');
  await app.typeInto('action_we_did', 'The youth forum now sits on every school council.');
  await app.click('action_save');
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('1 of 3 actions done'));
  let texts = await textsOnScreen(app);
  assert.match(texts, /1 of 3 actions done \(33\.3%\), not counting 0 dropped\. Target 60\.0%: Not on track\./);
  assert.match(texts, /Figure now: \d+\.\d%: When I say what I think, adults listen to me\. \(Everyone, wave 2025\)/);
  assert.match(texts, /Figure now: [+-]\d+\.\d points since 2024: I feel safe\./);
  await shot(page, 'actions-view');

  // Targets: the KPI row, 33.3% against 60%, Not on track.
  await showView(app, 'targets');
  texts = await textsOnScreen(app);
  assert.ok(texts.includes('Actions done in "You said, we did" (of those not dropped): target 60.0, value 33.3, Not on track.'), texts);
  await shot(page, 'actions-targets');

  // kpis.csv has the row.
  await showView(app, 'downloads');
  const kpis = await download(app, 'kpis.csv');
  const row = kpis.split('\r\n').find((line) => line.startsWith('you_said_we_did,'));
  assert.ok(row, kpis);
  assert.match(row, /,actions_done,/);
  assert.match(row, /,33\.3333333333,/);
  assert.match(row, /,Not on track,0$/);

  // The action CSV and the poster, from the view.
  await showActions(app);
  const csv = await download(app, 'actions.csv');
  assert.ok(csv.startsWith('\uFEFFid,order,survey,status,you_said_en'), csv);
  assert.equal(csv.trim().split('\r\n').length, 4);
  assert.ok(csv.includes(`,done,${SAID[0]},`), csv);
  const poster = await download(app, 'you_said_we_did_A4.html');
  assert.ok(poster.includes('size:A4'));
  assert.ok(poster.indexOf('We did') < poster.indexOf('We will'), 'done items come first');
  for (const said of SAID) assert.ok(poster.includes(said.replace(/'/g, '&#39;')), said);
  assert.ok(!/https?:|src=|href=|url\(|<script/.test(poster), 'the poster makes no request');
  assert.ok(!poster.includes('hidden'));
  // The poster as it prints: rendered in a page of its own.
  const posterPage = await context.newPage();
  await posterPage.setViewportSize({ width: 794, height: 1123 });
  await posterPage.setContent(poster);
  await shot(posterPage, 'actions-poster-A4');
  await posterPage.close();

  // Item 2 in Polish too, for parents: the Polish posters join the downloads.
  await app.click('action_edit:1');
  await app.click(`action_language:pl`);
  await app.typeInto('action_you_said', 'Niekt\u00f3re dzieci nie czuj\u0105 si\u0119 bezpiecznie.');
  await app.scrollIntoView('action_save');
  await shot(page, 'actions-editor-polish');
  await app.click('action_save');
  await page.waitForFunction(() => window.yousaidTest.items.some((item) => item.id === 'download:you_said_we_did_pl_A4.html'));
  const polish = await download(app, 'you_said_we_did_pl_A4.html');
  assert.ok(polish.includes('lang="pl"') && polish.includes('Niekt\u00f3re dzieci nie czuj\u0105 si\u0119 bezpiecznie.'));
  assert.ok(polish.includes('Powiedzieli Pa\u0144stwo'));

  // The backup file, loaded back: nothing new, no conflict.
  const [backup] = await Promise.all([page.waitForEvent('download'), app.click('action_backup')]);
  const backupPath = join(ARTIFACTS, 'actions-backup.json');
  await backup.saveAs(backupPath);
  // With the mouse, as the officer's other clicks on this laptop.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.click('action_load')]);
  await chooser.setFiles([backupPath]);
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('0 added, 0 updated, 3 unchanged, 0 conflicts.'));

  // After a reload the list is still there, in order.
  await reloadIntoWorkspace(app);
  await showActions(app);
  texts = await textsOnScreen(app);
  const positions = SAID.map((said) => texts.indexOf(said));
  assert.ok(positions.every((at, index) => at >= 0 && (index === 0 || at > positions[index - 1])), texts);
  assert.match(texts, /1 of 3 actions done \(33\.3%\)/);

  // By keyboard alone (Tab to the control, Enter): the third item moves up, and stays there.
  await pressOn(page, 'action_up:2');
  await page.waitForFunction(() => window.yousaidTest.drawnText.includes('2. You said: You want to be happier at school.'));
  await reloadIntoWorkspace(app);
  await showActions(app);
  texts = await textsOnScreen(app);
  assert.ok(texts.indexOf(SAID[2]) < texts.indexOf(SAID[1]), texts);

  // On a smaller laptop the eight tabs still read whole.
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.waitUntilIdle(300);
  await shot(page, 'actions-view-1024');
}, { timeout: 150000, context: LAPTOP });
