// A screen reader gets everything a sighted person gets: on every kind of screen, each line of
// text ImGui drew (the test hook's drawnText, ImGui's own record of the frame) must be in
// Chromium's accessibility tree, in the order drawn; every control's name too; each question's
// choices are a radiogroup or group named by the question; a Next that cannot be used yet is
// aria-disabled (still found by Tab) and says why; the "Are you still there?" countdown is
// announced when it appears and at a few steps, not every second.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, browserTest } from './harness.mjs';

const STATION_PIN = '482916';

// Chromium's accessibility tree, as a screen reader gets it: the text of every node that is
// not ignored, in tree order, under the main landmark and under the live region.
async function readTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const roleOf = (node) => (node.role ? node.role.value : '');
  const nameOf = (node) => (node.name ? String(node.name.value) : '');
  const textUnder = (top) => {
    const words = [];
    const visit = (node) => {
      if (!node.ignored) {
        const role = roleOf(node);
        // Buttons and headings are read through their text; inputs have only a name.
        if (role === 'StaticText' || role === 'radio' || role === 'checkbox' || role === 'textbox') words.push(nameOf(node));
      }
      for (const child of node.childIds || []) if (byId.has(child)) visit(byId.get(child));
    };
    if (top) visit(top);
    return words.map(normalise).filter(Boolean).join(' ');
  };
  const all = nodes.filter((node) => !node.ignored);
  const main = all.find((node) => roleOf(node) === 'main');
  const status = all.find((node) => roleOf(node) === 'status');
  const property = (node, name) => {
    const found = (node.properties || []).find((entry) => entry.name === name);
    return found ? found.value.value : undefined;
  };
  return {
    text: textUnder(main),
    liveText: textUnder(status),
    names: new Set(all.map(nameOf).map(normalise)),
    groups: all.filter((node) => roleOf(node) === 'radiogroup' || roleOf(node) === 'group')
      .map((node) => ({ role: roleOf(node), name: normalise(nameOf(node)) })),
    buttons: all.filter((node) => roleOf(node) === 'button').map((node) => ({
      name: normalise(nameOf(node)),
      disabled: property(node, 'disabled') === true,
      description: node.description ? normalise(String(node.description.value)) : '',
    })),
  };
}

function normalise(text) { return text.replace(/\s+/g, ' ').trim(); }

// The lines ImGui drew this frame (a separator logs as dashes; a PIN's empty row as a space).
function drawnLines(report) {
  return report.drawnText.split('\n').map(normalise).filter((line) => line && !/^-+$/.test(line));
}

// What the drawn frame shows that the tree lacks: missing lines, lines out of reading order,
// and controls without their name.
function missingFromTree(report, tree) {
  const problems = [];
  let cursor = 0;
  for (const line of drawnLines(report)) {
    const at = tree.text.indexOf(line, cursor);
    if (at >= 0) cursor = at + line.length;
    else problems.push(tree.text.includes(line) ? `out of order: "${line}"` : `missing: "${line}"`);
  }
  for (const item of report.items) {
    if (!tree.names.has(normalise(item.label))) problems.push(`no control named "${item.label}"`);
  }
  return problems;
}

// Fails unless the tree holds everything drawn; tries again for a moment while the frame and
// the tree settle (the tree follows the DOM a frame later).
async function expectEverythingDrawnInTree(app, what) {
  let problems = [];
  let report = null;
  let tree = null;
  for (let attempt = 0; attempt < 20; attempt++) {
    report = await app.report();
    tree = await readTree(app.page);
    problems = drawnLines(report).length === 0 ? ['nothing drawn'] : missingFromTree(report, tree);
    if (problems.length === 0 && !report.moreFramesDue) return { report, tree };
    await app.page.waitForTimeout(100);
  }
  await app.page.screenshot({ path: join(ARTIFACTS, `screen-reader-${what}.png`) });
  assert.fail(`${what} (${report.screen}): the accessibility tree lacks what is drawn:\n  ${problems.join('\n  ')}` +
    `\n  tree text: ${tree.text}`);
}

// Looks at a screen: everything drawn is in the tree; a screenshot for people to look at.
async function visit(app, what) {
  await app.settle();
  const seen = await expectEverythingDrawnInTree(app, what);
  await app.page.screenshot({ path: join(ARTIFACTS, `screen-reader-${what}.png`) });
  return seen;
}

function expectChoicesNamedByQuestion({ report, tree }, role) {
  assert.ok(tree.groups.some((group) => group.role === role && group.name === normalise(report.title)),
    `the choices are a ${role} named "${report.title}"; groups: ${JSON.stringify(tree.groups)}`);
}

async function expectNextUnusableBecause(app, reason) {
  await app.page.waitForFunction(() => {
    const next = document.querySelector('#yousaid-accessible button[data-item-id="next"]');
    return next && next.getAttribute('aria-disabled') === 'true';
  });
  const element = app.page.locator('#yousaid-accessible button[data-item-id="next"]');
  assert.equal(await element.getAttribute('disabled'), null, 'a disabled Next stays in the Tab order');
  const { tree } = await expectEverythingDrawnInTree(app, 'next-unusable');
  const next = tree.buttons.find((button) => button.name === 'Next');
  assert.ok(next && next.disabled, `Next is exposed as unavailable: ${JSON.stringify(next)}`);
  assert.equal(next.description, reason);
}

async function skipTo(app, questionId) {
  for (let guard = 0; guard < 30; guard++) {
    const report = await app.report();
    if (report.screen === 'question' && report.session.questionId === questionId) return;
    await app.tap('skip');
  }
  throw new Error(`never reached ${questionId}`);
}

browserTest('a screen reader gets every word drawn, on every kind of screen', async ({ app, page }) => {
  const started = Date.now();
  await app.open('test=1&survey=pupil');
  await visit(app, 'welcome');
  await app.tap('start');
  await app.waitForScreen('consent');
  await visit(app, 'consent');
  await app.tap('consent_yes');
  await app.waitForScreen('question');

  // Choices (every question can be skipped, so Next's reason mentions Skip).
  expectChoicesNamedByQuestion(await visit(app, 'choices'), 'radiogroup');
  await expectNextUnusableBecause(app, 'Choose an answer, or tap Skip');
  await app.tap('option:year_group:year_5');
  await app.tap('next');
  // A number, with its help text.
  const number = await visit(app, 'number');
  assert.equal(number.report.session.questionId, 'age');
  expectChoicesNamedByQuestion(number, 'radiogroup');
  await expectNextUnusableBecause(app, 'Choose an answer, or tap Skip');
  await skipTo(app, 'feel_valued');
  expectChoicesNamedByQuestion(await visit(app, 'face-scale'), 'radiogroup');
  await skipTo(app, 'happiness');
  const rating = await visit(app, 'rating-0-10');
  expectChoicesNamedByQuestion(rating, 'radiogroup');
  await app.tap('value:happiness:7');
  await app.tap('next');
  expectChoicesNamedByQuestion(await visit(app, 'multiple-choice'), 'group');
  await app.tap('option:feelings:calm');
  await app.tap('next');
  await skipTo(app, 'one_thing_to_change');
  await visit(app, 'text');
  await app.typeInto('text:one_thing_to_change', 'A bus to the youth club');
  await app.tap('next');
  for (let guard = 0; guard < 10 && (await app.report()).screen === 'question'; guard++) await app.tap('skip');

  // The check screen: the answers themselves, not only "Change: ..." buttons.
  await app.waitForScreen('check');
  const check = await visit(app, 'check');
  for (const answer of ['Year 5', '7 out of 10', 'Calm', 'A bus to the youth club']) {
    assert.ok(check.tree.text.includes(answer), `the check screen reads the answer "${answer}"`);
  }
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await page.waitForFunction(() => window.yousaidTest.storage.saveState === 'saved');
  await visit(app, 'thank-you');
  await app.tap('next');
  await app.waitForScreen('signposting');
  const signposting = await visit(app, 'signposting');
  assert.match(signposting.tree.text, /0800 1111/, 'the helpline number is readable as text');
  await app.tap('finish');
  await app.waitForScreen('welcome');

  // Staff screens: the PIN pad, then the station's overview with its text.
  await app.holdStaffCorner();
  await app.waitForScreen('staff_pin');
  await visit(app, 'staff-pin');
  await app.enterPin(STATION_PIN);
  await app.enterPin(STATION_PIN);
  await app.waitForScreen('staff_home');
  await visit(app, 'staff-home');
  console.log(`screen reader walk: ${Date.now() - started} ms`);
});

browserTest('"Are you still there?" reads its countdown, announced on appearing and at steps, not every second', async ({ app, page }) => {
  await app.open('test=1&survey=pupil&idle=1&still_there=11');
  await page.evaluate(() => {
    window.__announced = [];
    const live = document.querySelector('[aria-live]');
    new MutationObserver(() => window.__announced.push(live.textContent))
      .observe(live, { childList: true, characterData: true, subtree: true });
  });
  // The prompt comes a second after the last tap, on the consent screen.
  await app.tap('start');
  await app.waitForScreen('still_there');
  const { tree } = await visit(app, 'still-there');
  assert.match(tree.liveText, /Are you still there\? We will close this survey in \d+ seconds/);
  // Wait (on the drawn text, no fixed sleep) until the countdown has shown 8.
  await page.waitForFunction(() => /in 8 seconds/.test(window.yousaidTest.drawnText), null, { timeout: 8000 });
  const announced = (await page.evaluate(() => window.__announced))
    .filter((text) => text.includes('still there')).map((text) => Number(/in (\d+) seconds/.exec(text)[1]));
  assert.ok(announced.length >= 1 && announced[0] >= 10, `announced on appearing: ${announced}`);
  assert.deepEqual(announced.slice(1).filter((seconds) => ![20, 10, 5].includes(seconds)), [],
    `after appearing only at 20, 10 and 5 seconds: ${announced}`);
  assert.ok(!announced.includes(9), `not every second: ${announced}`);
});
