// Comments and themes (issue #17): an officer reads the demo's comments newest first,
// searches them, gives some two themes, sees how many comments carry each theme (a small
// count hidden as every table hides one), finds the themes again after a reload, and
// downloads comment_themes.csv, which holds counts and never a comment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, browserTest, WEB_DIR } from './harness.mjs';
import { chooseStationPin, openOfficerArea, shot } from './staff_steps.mjs';
import { DEMO_RESPONSES, importDemo, LAPTOP, reloadIntoWorkspace, showView, textsOnScreen } from './workspace_steps.mjs';

const HIDDEN = 'hidden: small numbers';
const THEMES_FILE = '/data/officer_store/themes.json';
// The report CLI of the same build (scripts/test.sh builds it before the browser tests).
const REPORT_CLI = process.env.YOUSAID_REPORT_CLI || join(WEB_DIR, '..', '..', 'native', 'yousaid_report');

// RFC 4180 rows of a CSV file (quotes, doubled quotes, commas and line breaks in cells).
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    if (quoted) {
      if (character === '"' && text[at + 1] === '"') { cell += '"'; at++; }
      else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') { row.push(cell); cell = ''; }
    else if (character === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += character;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

// The demo's comments, newest first as the view lists them (the later row first on a tie).
function demoComments() {
  const comments = [];
  for (const file of DEMO_RESPONSES) {
    const [header, ...rows] = csvRows(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    const text = header.indexOf('one_thing_to_change');
    const submitted = header.indexOf('submitted_at');
    for (const row of rows) {
      if (row.length > text && row[text].trim() !== '') {
        comments.push({ text: row[text], submitted: row[submitted], order: comments.length });
      }
    }
  }
  return comments.sort((a, b) => (a.submitted === b.submitted ? b.order - a.order
    : (a.submitted < b.submitted ? 1 : -1)));
}

const present = (id) => (wanted) => window.yousaidTest.items.some((item) => item.id === wanted);

async function waitForItem(app, id) {
  await app.page.waitForFunction(present(id), id, { timeout: 5000 });
}

// The comments' own words on screen, in order.
async function commentsOnScreen(app, all) {
  const texts = new Set(all.map((comment) => comment.text));
  return (await app.report()).texts.map((item) => item.label).filter((label) => texts.has(label));
}

async function addNewTheme(app, comment, theme) {
  await app.click(`tag_comment:${comment}`);
  await app.typeInto('new_theme', theme);
  await app.click('add_new_theme');
  await waitForItem(app, `remove_theme:${comment}:${theme}`);
}

browserTest('an officer reads and tags comments, and sees theme counts with a hidden cell', async ({ app, page }) => {
  const all = demoComments();
  await app.open('test=1', 'officer.html');
  await chooseStationPin(app, { officerPage: true });
  await openOfficerArea(app, { firstTime: true });
  await importDemo(app);

  await showView(app, 'comments');
  let texts = await textsOnScreen(app);
  assert.match(texts, /Comments may identify someone/);
  assert.ok(texts.includes(`${all.length.toLocaleString('en-GB')} comments, newest first`), texts);
  assert.match(texts, /No comment has a theme yet/);
  const listed = await commentsOnScreen(app, all);
  assert.deepEqual(listed.slice(0, 3), all.slice(0, 3).map((comment) => comment.text));
  // No filter by a demographic group: only wave, station and event.
  const { items } = await app.report();
  assert.ok(items.some((item) => item.id.startsWith('comment_station:')));
  assert.ok(!items.some((item) => /^comment_(school|year_group|send_status)/.test(item.id)));
  for (const filter of ['comment_wave', 'comment_station', 'comment_event']) {
    assert.deepEqual(items.filter((item) => item.id.startsWith(`${filter}:`) && item.checked).map((item) => item.id),
      [`${filter}:`], `${filter}: only "Any" is chosen`);
  }

  // Search, ignoring case.
  await app.typeInto('comment_search', 'FOOD');
  const food = all.filter((comment) => comment.text.toLowerCase().includes('food'));
  assert.ok(food.length > 2);
  await page.waitForFunction((line) => window.yousaidTest.texts.some((item) => item.label.startsWith(line)),
    `${food.length} comments, newest first`);
  assert.deepEqual((await commentsOnScreen(app, all)).slice(0, 2), food.slice(0, 2).map((comment) => comment.text));

  // Two themes on the newest, one of them (already named) on the next.
  await addNewTheme(app, 0, 'School food');
  await addNewTheme(app, 0, 'Cost');
  await app.click('tag_comment:1');
  await app.scrollIntoView('add_theme:1:School food');
  await shot(page, 'comments-choose-theme');
  await app.click('add_theme:1:School food');
  await waitForItem(app, 'remove_theme:1:School food');
  await app.scrollIntoView('workspace_back');
  await shot(page, 'comments-tagged');
  texts = await textsOnScreen(app);
  // Two comments on school food in the latest wave: fewer than ten, so hidden everywhere.
  assert.ok(texts.includes(`School food, Everyone: ${HIDDEN}.`), texts);
  assert.ok(texts.includes(`Cost, Everyone: ${HIDDEN}.`), texts);
  // A theme whose count is hidden is not offered as the start of a "You said, we did" item.
  const offered = (await app.report()).items.filter((item) => item.id.startsWith('action_from:theme:'));
  assert.deepEqual(offered.map((item) => item.id), []);

  // A theme comes off with its cross.
  await app.click('remove_theme:0:Cost');
  await page.waitForFunction(() => !window.yousaidTest.items.some((item) => item.id === 'remove_theme:0:Cost'));
  await addNewTheme(app, 0, 'Cost');

  // Kept on the device: after a reload the same comments carry the same themes.
  await reloadIntoWorkspace(app);
  await showView(app, 'comments');
  await app.typeInto('comment_search', 'food');
  await waitForItem(app, 'remove_theme:0:School food');
  await waitForItem(app, 'remove_theme:0:Cost');
  await waitForItem(app, 'remove_theme:1:School food');
  await app.scrollIntoView('remove_theme:1:School food');
  await shot(page, 'comments-after-reload');

  // The download: counts per wave and group, the small ones hidden, and no comment's words.
  await showView(app, 'downloads');
  const downloads = join(ARTIFACTS, 'comments-downloads');
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), app.click(`download:${name}`)]);
    await file.saveAs(join(downloads, name));
    return readFileSync(join(downloads, name));
  };
  const csv = (await download('comment_themes.csv')).toString('utf8');
  assert.ok(csv.startsWith('\uFEFFwave,dimension,group,question,theme,comments,suppressed\r\n'));
  const [header, ...rows] = csvRows(csv.replace(/^\uFEFF/, ''));
  const at = (name) => header.indexOf(name);
  const everyone = rows.find((row) => row[at('wave')] === '2025' && row[at('group')] === 'all' &&
    row[at('theme')] === 'School food');
  assert.deepEqual([everyone[at('comments')], everyone[at('suppressed')]], ['', '1']);
  assert.ok(rows.every((row) => row[at('question')] === 'one_thing_to_change'));
  for (const comment of all) assert.ok(!csv.includes(comment.text), `the download holds "${comment.text}"`);

  // The CLI, given the page's themes.json, writes the same files byte for byte.
  await download('themes.json');
  const browserFiles = { 'summary.json': await download('summary.json'), 'report.html': await download('report.html') };
  const cliOut = join(downloads, 'cli');
  const run = spawnSync(REPORT_CLI, ['--survey', 'assets/surveys/pupil.json', '--responses', ...DEMO_RESPONSES,
    '--themes', join(downloads, 'themes.json'), '--out', cliOut], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${REPORT_CLI}: ${run.stderr}`);
  assert.ok(readFileSync(join(cliOut, 'comment_themes.csv')).equals(Buffer.from(csv, 'utf8')), 'comment_themes.csv');
  for (const [name, bytes] of Object.entries(browserFiles)) {
    assert.ok(readFileSync(join(cliOut, name)).equals(bytes), `${name} differs from the CLI's`);
    for (const comment of all) assert.ok(!bytes.includes(comment.text), `${name} holds "${comment.text}"`);
  }

  // A themes file from a newer Yousaid is named, kept as it is, and nothing can be tagged.
  const newer = JSON.stringify({ format: 'yousaid-comment-themes', version: 2, themes: [], tags: [] });
  await page.evaluate(([path, text]) => new Promise((done) => {
    window.Module.FS.writeFile(path, text);
    window.Module.FS.syncfs(false, done);
  }), [THEMES_FILE, newer]);
  await reloadIntoWorkspace(app);
  await showView(app, 'comments');
  texts = await textsOnScreen(app);
  assert.match(texts, /themes\.json: version: was written by a newer version of Yousaid/);
  assert.match(texts, /No theme counts while the themes file cannot be read/);
  assert.ok(!(await app.report()).items.some((item) => item.id.startsWith('tag_comment:')));
  await shot(page, 'comments-newer-themes-file');
  assert.equal(await page.evaluate((path) => window.Module.FS.readFile(path, { encoding: 'utf8' }), THEMES_FILE), newer);
}, { timeout: 120000, context: LAPTOP });
