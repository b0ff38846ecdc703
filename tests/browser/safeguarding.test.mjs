// The end of every survey and the words on the way: nothing returns to the start before the
// signposting page, its contacts fit the person (survey and age band), screening questions can
// be skipped, a disabled Next says why, the language button, formal Polish, and a box for a
// character the font lacks. Timings come from the test page's shorter waits (idle=,
// still_there=), never from real minutes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, browserTest } from './harness.mjs';

const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `safeguarding-${name}.png`) });

// Records every screen the app shows from now on, frame by frame, in window.__screens.
async function recordScreens(page) {
  await page.evaluate(() => {
    window.__screens = [window.yousaidTest.screen];
    const look = () => {
      const screen = window.yousaidTest.screen;
      if (window.__screens[window.__screens.length - 1] !== screen) window.__screens.push(screen);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

// Taps Skip until the question `id` is on screen, or with no id, until the questions end.
async function skipTo(app, id = null) {
  for (let guard = 0; guard < 60; guard++) {
    const report = await app.report();
    if (report.screen !== 'question' && id === null) return report;
    if (report.screen === 'question' && report.session.questionId === id) return report;
    if (report.screen !== 'question') throw new Error(`reached ${report.screen} before question ${id}`);
    await app.tap('skip');
    await app.page.waitForFunction((previous) => window.yousaidTest.screen !== 'question' ||
      window.yousaidTest.session.questionId !== previous, report.session.questionId);
  }
  throw new Error(`never reached question ${id}`);
}

// Skips every remaining question, then sends: the signposting page follows the thank-you page.
async function skipToEndAndSend(app) {
  await skipTo(app);
  await app.waitForScreen('check');
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await app.tap('next');
  return app.waitForScreen('signposting');
}

browserTest('the thank-you page never returns to the start: left alone it moves on to signposting, which waits for the idle timeout and "Are you still there?"', async ({ app, page }) => {
  // The old thank-you page went back to the start after 20 s, whatever the idle timeout.
  await app.open('test=1&survey=pupil&idle=4&still_there=2');
  await app.tap('start');
  await app.tap('consent_no');
  await app.waitForScreen('thank_you');
  await recordScreens(page);
  await app.waitForScreen('signposting', 10000);
  const started = Date.now();
  await shot(page, 'signposting-pupil');
  let report = await app.report();
  assert.match(report.speech, /Childline\. Phone: 0800 1111\./);
  await app.waitForScreen('still_there', 10000);
  assert.ok(Date.now() - started >= 3000, 'the signposting page stayed for the idle timeout');
  report = await app.report();
  assert.match(report.speech, /close this survey in \d seconds/);
  await app.waitForScreen('welcome', 10000);
  const screens = await page.evaluate(() => window.__screens);
  assert.deepEqual(screens, ['thank_you', 'signposting', 'still_there', 'welcome']);
});

browserTest('"I am still here" keeps the signposting page; Finish starts the next person', async ({ app }) => {
  await app.open('test=1&survey=pupil&idle=3&still_there=20');
  await app.tap('start');
  await app.tap('consent_no');
  await app.waitForScreen('thank_you');
  await app.tap('next');
  await app.waitForScreen('signposting');
  await app.waitForScreen('still_there', 10000);
  await app.tap('still_here');
  await app.waitForScreen('signposting');
  await app.tap('finish');
  await app.waitForScreen('welcome');
});

browserTest('a care leaver who walks away mid-survey still gets their contacts before the next person', async ({ app, page }) => {
  await app.open('test=1&survey=pledge&idle=3&still_there=1');
  await app.startSurvey();
  await app.tap('option:care_status:care_leaver');
  await app.tap('next');
  await app.tap('option:age_band:age_21_25');
  await app.tap('next');
  await recordScreens(page);
  const report = await app.waitForScreen('signposting', 15000);
  await shot(page, 'signposting-care-leaver');
  assert.match(report.speech, /Your personal adviser/);
  assert.match(report.speech, /leaving care team/);
  assert.match(report.speech, /Samaritans\. Phone: 116 123\./);
  assert.doesNotMatch(report.speech, /Childline/, 'Childline is for under-19s');
  assert.deepEqual(await page.evaluate(() => window.__screens), ['question', 'still_there', 'signposting']);
  await app.tap('finish');
  const welcome = await app.waitForScreen('welcome');
  assert.equal(welcome.stored.length, 1, 'the answers so far were kept');
});

browserTest('screening questions can be skipped, down the "not answered" path, and then every contact shows', async ({ app, page }) => {
  await app.open('test=1&survey=pledge');
  await app.startSurvey();
  let report = await app.report();
  assert.equal(report.session.questionId, 'care_status');
  assert.ok(report.items.some((item) => item.id === 'skip'), 'the first screening question has Skip');
  // Its section heading comes before it.
  assert.match(report.speech, /^First, a little about you\./);
  await app.tap('skip');
  report = await app.report();
  assert.equal(report.session.questionId, 'age_band');
  await app.tap('skip');
  report = await app.report();
  assert.equal(report.session.questionId, 'work_in_partnership');
  report = await skipToEndAndSend(app);
  assert.match(report.speech, /Childline/);
  assert.match(report.speech, /Samaritans/);
  assert.match(report.speech, /personal adviser/);
  await shot(page, 'signposting-pledge-unknown-age');
  const [response] = (await app.report()).stored.map(({ response: stored }) => stored);
  const answers = Object.fromEntries(response.answers.map((entry) => [entry.key, entry.value.kind]));
  assert.equal(answers.care_status, 'skipped');
  assert.equal(answers.has_pathway_plan, undefined, 'an unanswered age band hides the pathway plan questions');

  // A pupil: the year group has Skip too, and the sensitive questions come under their heading.
  await app.tap('finish');
  await app.open('test=1&survey=pupil');
  await app.startSurvey();
  assert.ok((await app.report()).items.some((item) => item.id === 'skip'), 'the year group has Skip');
  report = await skipTo(app, 'send_support');
  assert.match(report.speech, /^More about you \(you can skip these\)\./);
  await shot(page, 'section-heading-more-about-you');
  report = await skipTo(app, 'care_status');
  assert.doesNotMatch(report.speech, /^More about you/, 'the introduction is read once, at the first question');
});

browserTest('contacts per survey and age band: pledge under 19 gets Childline only; parents get SENDIASS and the Local Offer', async ({ app, page }) => {
  await app.open('test=1&survey=pledge');
  await app.startSurvey();
  await app.tap('option:care_status:in_care');
  await app.tap('next');
  await app.tap('option:age_band:age_11_15');
  await app.tap('next');
  let report = await skipToEndAndSend(app);
  assert.match(report.speech, /Childline\. Phone: 0800 1111\./);
  assert.doesNotMatch(report.speech, /Samaritans|Your personal adviser \(leaving care worker\)|leaving care team/);
  await app.tap('finish');

  await app.open('test=1&survey=parent_carer');
  await app.startSurvey();
  assert.ok((await app.report()).items.some((item) => item.id === 'skip'), 'the SEND status question has Skip');
  report = await skipToEndAndSend(app);
  assert.equal(report.title, 'Advice and support');
  assert.match(report.speech, /SENDIASS/);
  assert.match(report.speech, /The Local Offer/);
  await shot(page, 'signposting-parents');
});

browserTest('tapping the disabled Next says why, on screen and to a screen reader', async ({ app, page }) => {
  await app.open('test=1&survey=pupil');
  await app.startSurvey();
  const before = await app.item('next');
  assert.equal(before.enabled, false);
  // The line above the buttons, where the footer's reason appears.
  const canvas = await page.locator('#canvas').boundingBox();
  const back = await app.item('back');
  const reasonLine = () => page.screenshot({ clip: { x: canvas.x + back.x, y: canvas.y + before.y - 45, width: 500, height: 35 } });
  const quiet = await reasonLine();
  await app.tap('next');
  await app.settle();
  const report = await app.report();
  assert.equal(report.announcement, 'Choose an answer, or tap Skip');
  assert.equal(report.session.questionId, 'year_group', 'still on the same question');
  assert.ok(!quiet.equals(await reasonLine()), 'the reason is drawn above the buttons');
  await shot(page, 'disabled-next-reason');
  await app.tap('option:year_group:year_7');
  await app.settle();
  assert.notEqual((await app.report()).announcement, 'Choose an answer, or tap Skip', 'the reason goes once answered');
});

const informalPolish = /(?<!\p{L})(Twoje|Twoich|Twoim|chcesz|Możesz|możesz|jesteś|zajrzałeś|Cię|Oddaj|Poproś|Dotknij|Sprawdź)(?!\p{L})/u;

// The screen now showing has "English / Polski" at its top and no informal Polish.
async function assertLanguageButtonAtTop(app, name) {
  const report = await app.report();
  const button = report.items.find((item) => item.id === 'language');
  assert.ok(button, `a language button on ${name}`);
  assert.equal(button.label, 'English / Polski');
  assert.ok(button.y < 80, `the language button is at the top of ${name} (y ${button.y})`);
  const words = `${report.speech} ${report.items.map((item) => item.label).join(' ')}`;
  assert.doesNotMatch(words, informalPolish, `formal Polish on ${name}`);
  return report;
}

browserTest('a station started in Polish: "English / Polski" at the top of every screen, formal Polish throughout', async ({ app, page }) => {
  await app.open('test=1&survey=parent_carer&lang=pl');
  const seen = [];
  const look = async (name) => {
    const report = await assertLanguageButtonAtTop(app, name);
    seen.push(name);
    return report;
  };
  await look('welcome');
  await shot(page, 'welcome-polish');
  await app.tap('start');
  await app.waitForScreen('consent');
  await look('consent');
  await app.tap('consent_yes');
  await app.waitForScreen('question');
  await look('question');
  await app.tap('skip');
  await app.tap('skip');
  await app.tap('skip');
  await app.tap('skip');
  await app.tap('skip');
  let report = await app.report();
  assert.equal(report.session.questionId, 'graduated_response_understanding');
  await shot(page, 'rating-ends-polish');
  await look('before-and-now question');
  await skipTo(app);
  await app.waitForScreen('check');
  await look('check');
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await look('thank_you');
  await app.tap('next');
  await app.waitForScreen('signposting');
  await look('signposting');
  await shot(page, 'signposting-parents-polish');
  // The way back to English, from the last page as from any other.
  await app.tap('language');
  report = await app.report();
  assert.equal(report.session.language, 'en');
  assert.equal(report.title, 'Advice and support');
  assert.equal(seen.length, 7);
});

browserTest('"Are you still there?" has "English / Polski" at the top: a parent who walked away can read it and answer', async ({ app, page }) => {
  await app.open('test=1&survey=parent_carer&lang=pl&idle=2&still_there=60');
  await app.tap('start');
  await app.waitForScreen('still_there', 10000);
  let report = await assertLanguageButtonAtTop(app, 'still_there');
  assert.equal(report.session.language, 'pl');
  assert.ok(!report.items.some((item) => item.id === 'settings'), 'no Settings: it could not open until the prompt is answered');
  await shot(page, 'still-there-polish');
  await app.tap('language');
  report = await app.waitForScreen('still_there');
  assert.equal(report.session.language, 'en');
  assert.equal(report.title, 'Are you still there?');
  await app.settle();
  await shot(page, 'still-there-english');
  await app.tap('still_here');
  report = await app.waitForScreen('consent');
  assert.equal(report.session.language, 'en', 'the chosen language stays after the prompt');
});

browserTest('the welcome says "not a test" and "you can skip" once; 0-10 end labels each number once; the age question asks to tap', async ({ app, page }) => {
  for (const survey of ['pupil', 'pledge', 'parent_carer']) {
    const welcome = await app.open(`test=1&survey=${survey}`);
    assert.equal(welcome.screen, 'welcome');
    const count = (pattern) => (welcome.speech.match(pattern) || []).length;
    assert.equal(count(/not a test/gi), 1, `${survey}: "not a test" once`);
    assert.equal(count(/skip/gi), 1, `${survey}: "you can skip" once`);
  }
  await shot(page, 'welcome-parents');
  await app.open('test=1&survey=pupil');
  await shot(page, 'welcome-pupil');
  await app.startSurvey();
  await app.tap('skip');
  let report = await app.report();
  assert.equal(report.session.questionId, 'age');
  assert.match(report.speech, /Tap your age in years/);
  report = await skipTo(app, 'happiness');
  assert.doesNotMatch(report.speech, /0 = 0|= not at all/);
  await shot(page, 'rating-ends');
});

browserTest('a character the font lacks shows as a box, never as "?", and the answer keeps it; Romanian letters are drawn', async ({ app, page }) => {
  await app.open('test=1&survey=pupil');
  await app.startSurvey();
  await skipTo(app, 'one_thing_to_change');
  const crop = async (text) => {
    await app.replaceText('text:one_thing_to_change', text);
    await app.settle();
    const box = await app.item('text:one_thing_to_change');
    const canvas = await page.locator('#canvas').boundingBox();
    return page.screenshot({ clip: { x: canvas.x + box.x + 4, y: canvas.y + box.y + 4, width: 160, height: 40 } });
  };
  const question = await crop('Ab?');
  const emoji = await crop('Ab😀');
  assert.equal((await app.item('text:one_thing_to_change')).value, 'Ab😀', 'the answer keeps the real character');
  await shot(page, 'placeholder-box');
  assert.ok(!question.equals(emoji), 'an emoji is not drawn as "?"');
  const romanian = await crop('Abș');
  const missing = await crop('Abʃ');
  assert.ok(!romanian.equals(missing), 'ș is in the font, not a placeholder');
  await crop('Școală și țară');
  await shot(page, 'romanian-letters');
});
