// Everyone can take part: screen readers through the accessible layer (roles and names),
// keyboard only, read aloud, larger text, high contrast and a dyslexia-friendly font.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, browserTest, countDarkPixels, decodePng, storedResponses } from './harness.mjs';

async function waitForQuestion(page, id) {
  await page.waitForFunction((wanted) => window.yousaidTest.screen === 'question' &&
    window.yousaidTest.session.questionId === wanted, id, { timeout: 10000 });
}

browserTest('a screen reader user completes the pupil survey by roles and names alone', async ({ app, page }) => {
  await app.open('test=1&survey=pupil');
  const main = page.getByRole('main');
  await expectHeading(page, 'How are you doing? Our pupil survey');
  await main.getByRole('button', { name: 'Start' }).press('Enter');
  await page.waitForFunction(() => window.yousaidTest.screen === 'consent');
  await main.getByRole('button', { name: 'Yes, I am happy to take part' }).press('Enter');
  await waitForQuestion(page, 'year_group');
  // The live region announces the question with its number, after the heading of the section it opens.
  await page.waitForFunction(() => /Question 1 of \d+\. About you\. What year are you in at school\?/.test(
    document.querySelector('[aria-live]').textContent));
  const next = main.getByRole('button', { name: 'Next' });
  // Unusable, not `disabled`: a screen reader still finds Next and hears why.
  assert.equal(await next.getAttribute('aria-disabled'), 'true', 'Next is unusable until the question is answered');
  assert.equal(await next.getAttribute('disabled'), null);
  await main.getByRole('radio', { name: 'Year 5' }).press('Space');
  await page.waitForFunction(() => document.querySelector('input[type=radio][aria-label="Year 5"]').checked);
  await pressWhenEnabled(page, next);
  await waitForQuestion(page, 'age');
  // Every optional question offers Skip by name; use it until the text question.
  for (let guard = 0; guard < 30; guard++) {
    const id = (await app.report()).session.questionId;
    if (id === 'feelings') {
      await main.getByRole('checkbox', { name: 'Calm' }).press('Space');
      await page.waitForFunction(() => document.querySelector('input[type=checkbox][aria-label="Calm"]').checked);
      await pressWhenEnabled(page, next);
    } else if (id === 'one_thing_to_change') {
      await main.getByRole('textbox', { name: /change one thing/ }).fill('A bus to the youth club');
      // Next becomes usable only once the app has taken the typed text as the answer.
      await pressWhenEnabled(page, next);
    } else if (id === 'ethnic_group') {
      await main.getByRole('button', { name: 'Skip' }).press('Enter');
      break;
    } else {
      await main.getByRole('button', { name: 'Skip' }).press('Enter');
    }
    await page.waitForFunction((previous) => window.yousaidTest.session.questionId !== previous, id);
  }
  await page.waitForFunction(() => window.yousaidTest.screen === 'check');
  await expectHeading(page, 'Check your answers');
  assert.ok(await main.getByRole('button', { name: /^Change: How old are you\?/ }).count() === 1);
  await main.getByRole('button', { name: 'Send my answers' }).press('Enter');
  await page.waitForFunction(() => window.yousaidTest.screen === 'thank_you' && window.yousaidTest.storage.saveState === 'saved');
  await main.getByRole('button', { name: 'Next' }).press('Enter');
  await page.waitForFunction(() => window.yousaidTest.screen === 'signposting');
  await expectHeading(page, 'If anything worried you');
  await main.getByRole('button', { name: 'Finish' }).press('Enter');
  await page.waitForFunction(() => window.yousaidTest.screen === 'welcome');
  const [response] = storedResponses(await app.report());
  assert.deepEqual(response.answers.year_group, { kind: 'option', option_id: 'year_5' });
  assert.deepEqual(response.answers.feelings, { kind: 'options', option_ids: ['calm'] });
  assert.deepEqual(response.answers.one_thing_to_change, { kind: 'text', text: 'A bus to the youth club' });
  assert.deepEqual(response.answers.age, { kind: 'skipped' });
});

// A screen reader user presses a control once it is offered as usable; pressing an
// aria-disabled button does nothing, so waiting for the app to enable it is what a person
// would do too.
async function pressWhenEnabled(page, locator) {
  const handle = await locator.elementHandle();
  await page.waitForFunction((element) => element.isConnected && element.getAttribute('aria-disabled') !== 'true', handle);
  await locator.press('Enter');
}

async function expectHeading(page, text) {
  await page.waitForFunction((wanted) => document.querySelector('#yousaid-accessible h1').textContent === wanted, text);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), text);
}

// Presses Tab (or Shift+Tab) until the focused element is the one named, then returns.
async function tabTo(page, name, { backwards = false, limit = 40 } = {}) {
  for (let presses = 0; presses < limit; presses++) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element ? (element.getAttribute('aria-label') || element.textContent || '') : '';
    });
    if (focused === name) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

browserTest('keyboard only: Tab, arrow keys, Space and Enter reach and work every control', async ({ app, page }) => {
  await app.open('test=1&survey=pledge');
  await tabTo(page, 'Start');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.yousaidTest.screen === 'consent');
  await tabTo(page, 'Yes, I am happy to take part');
  await page.keyboard.press('Enter');
  await waitForQuestion(page, 'care_status');
  // Focus shows on the canvas as a ring around the focused answer.
  await tabTo(page, 'I am in care now (I live with foster carers, in a children\'s home, with family or somewhere else the council arranged)');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.yousaidTest.items.some((item) => item.id === 'option:care_status:care_leaver' && item.checked));
  await app.settle();
  await page.screenshot({ path: join(ARTIFACTS, 'keyboard-focus-ring.png') });
  await tabTo(page, 'Next');
  await page.keyboard.press('Enter');
  await waitForQuestion(page, 'age_band');
  await tabTo(page, '10 or younger');
  await page.keyboard.press('Enter');  // Enter also chooses, as a tap does
  await page.waitForFunction(() => window.yousaidTest.items.some((item) => item.id === 'option:age_band:under_11' && item.checked));
  await tabTo(page, 'Next');
  await page.keyboard.press('Enter');
  // The rest by Skip: focus stays on Skip from question to question.
  await waitForQuestion(page, 'work_in_partnership');
  await tabTo(page, 'Skip');
  for (let guard = 0; guard < 40; guard++) {
    const report = await app.report();
    if (report.screen === 'check') break;
    const id = report.session.questionId;
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => window.yousaidTest.screen !== 'question' ||
      window.yousaidTest.session.questionId !== previous, id);
  }
  await page.waitForFunction(() => window.yousaidTest.screen === 'check');
  await tabTo(page, 'Send my answers');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.yousaidTest.screen === 'thank_you');
  const report = await app.report();
  const [response] = storedResponses(report);
  assert.equal(response.status, 'complete');
  assert.deepEqual(response.answers.care_status, { kind: 'option', option_id: 'care_leaver' });
  assert.deepEqual(response.answers.age_band, { kind: 'option', option_id: 'under_11' });
  assert.equal(response.answers.has_pathway_plan, undefined, 'the pathway plan questions are for ages 16 and up');
});

const FAKE_VOICE = () => {
  window.__spoken = [];
  const voices = [{ lang: 'en-GB', name: 'Test voice', default: true }];
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices,
      speak: (utterance) => window.__spoken.push({ text: utterance.text, lang: utterance.lang }),
      cancel: () => {},
      addEventListener: () => {},
    },
  });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
};

browserTest('read aloud speaks the question and its answers in the survey language', async ({ app, page }) => {
  await page.addInitScript(FAKE_VOICE);
  await app.open('test=1&survey=pupil');
  await app.startSurvey();
  await app.tap('option:year_group:year_6');
  await app.tap('next');
  await app.tap('next').catch(() => {});
  await app.tap('skip');
  const report = await app.waitForScreen('question');
  await app.tap('read_aloud');
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.ok(spoken[0].text.startsWith(report.title), `spoke "${spoken[0].text}"`);
  assert.equal(spoken[0].lang, 'en-GB');
});

browserTest('with no voice on the device the read-aloud button is not offered', async ({ app, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { configurable: true,
      value: { getVoices: () => [], speak: () => {}, cancel: () => {}, addEventListener: () => {} } });
  });
  const report = await app.open('test=1&survey=pupil');
  assert.ok(!report.items.some((item) => item.id === 'read_aloud'));
  assert.ok(report.items.some((item) => item.id === 'settings'));
});

browserTest('three text sizes, high contrast and the dyslexia font, each still fitting the tablet', async ({ app, page }) => {
  await app.open('test=1&survey=parent_carer');
  await app.tap('settings');
  await app.waitForScreen('settings');
  const sizes = [['text_size:0', 24], ['text_size:1', 30], ['text_size:2', 36]];
  for (const [id, pixels] of sizes) {
    await app.tap(id);
    await page.waitForFunction((wanted) => window.yousaidTest.display.textSize === wanted, pixels);
    await app.tap('done');
    await app.startSurvey();
    // The before-and-now question has the widest layout: 2 x 11 numbers.
    for (const answer of ['option:send_status:ehc_plan', 'option:phase:secondary']) {
      await app.tap(answer);
      await app.tap('next');
    }
    for (let i = 0; i < 3; i++) await app.tap('skip');
    const report = await app.waitForScreen('question');
    assert.equal(report.session.questionId, 'graduated_response_understanding');
    for (const item of report.items) {
      assert.ok(item.x >= 0 && item.x + item.width <= 1024.5, `${item.id} sticks out at text size ${pixels}`);
      assert.ok(item.height >= 48, `${item.id} is under 48 px at text size ${pixels}`);
    }
    for (const id of ['back', 'skip', 'next']) assert.equal((await app.item(id)).visible, true, `${id} is in reach`);
    await page.screenshot({ path: join(ARTIFACTS, `text-size-${pixels}px.png`) });
    // Back to the start for the next size: the settings stay with this person.
    for (let i = 0; i < 6; i++) await app.tap('back');
    await app.tap('back');
    await app.waitForScreen('welcome');
    await app.tap('settings');
  }
  await app.tap('high_contrast');
  await page.waitForFunction(() => window.yousaidTest.display.highContrast);
  await app.tap('dyslexia_font');
  await page.waitForFunction(() => window.yousaidTest.display.dyslexiaFont && window.yousaidTest.fontsLoaded);
  await app.tap('done');
  await app.settle();
  const shot = await page.screenshot({ path: join(ARTIFACTS, 'high-contrast-dyslexia-font.png') });
  const png = decodePng(shot);
  const [r, g, b] = png.pixel(10, 10);
  assert.ok(r + g + b < 30, `the background is black in high contrast (${r},${g},${b})`);
  const start = await app.item('start');
  const [sr, sg, sb] = png.pixel(Math.round((start.x + 10) * 2), Math.round((start.y + start.height / 2) * 2));
  assert.ok(sr > 200 && sg > 180 && sb < 120, `the main button is yellow in high contrast (${sr},${sg},${sb})`);
  // Light text on black: few dark pixels in the text, many light ones.
  const light = png.width * png.height - countDarkPixels(png, { x: 0, y: 0, width: 1024, height: 768 }, 2);
  assert.ok(light > 20000, 'text is drawn in light colours');
});
