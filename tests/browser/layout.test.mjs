// Every question of every survey fits, at every text size, in every language, on a tablet
// and a phone: no words cut off, split mid-word or drawn over each other, and no answer
// hidden below the fold unless the screen says that more answers are below. Questions are
// opened directly through the test hook, and the settings changed through it, on one page.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, browserTest, countDarkPixels, decodePng, showQuestion } from './harness.mjs';
import { shot } from './staff_steps.mjs';

const SETTINGS = [
  { name: 'normal', textSize: 0 },
  { name: 'large', textSize: 1 },
  { name: 'largest', textSize: 2 },
  { name: 'largest-contrast-dyslexia', textSize: 2, highContrast: true, dyslexiaFont: true },
];
const SCREENS = [
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];
// Screenshots of a sample, to look at: the long face-scale words (Polish too), the feelings
// list and the how-true scale whose last face fell off a phone.
const SAMPLE = new Set(['parent_carer:overall_satisfaction:pl', 'parent_carer:overall_satisfaction:en',
  'pupil:feelings:en', 'pupil:feel_safe:en']);
const ANSWER_ROLES = new Set(['radio', 'checkbox', 'textbox']);

function overlapArea(a, b) {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function inside(inner, outer, slack = 1) {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

const named = (item) => `${item.role} "${item.label.slice(0, 40)}"`;

// What is wrong with one drawn question, as sentences (none when it fits).
export function layoutProblems(report) {
  const problems = [];
  const { width } = report.viewport;
  const shown = [...report.items, ...report.texts];
  for (const item of shown) {
    if (item.x < -0.5 || item.x + item.width > width + 0.5) problems.push(`${named(item)} runs off the side`);
    if (item.text && item.text.wordsBroken) problems.push(`${named(item)} splits a word across lines`);
    if (item.text && item.text.width > 0 && !inside(item.text, item)) {
      problems.push(`the words of ${named(item)} spill out of it`);
    }
  }
  // Whatever is wholly on screen must not be drawn over anything else wholly on screen.
  const visible = shown.filter((item) => item.visible !== false && item.id !== 'more_below');
  for (let i = 0; i < visible.length; i++) {
    for (let j = i + 1; j < visible.length; j++) {
      if (overlapArea(visible[i], visible[j]) > 1) problems.push(`${named(visible[i])} overlaps ${named(visible[j])}`);
    }
  }
  const hidden = report.items.filter((item) => ANSWER_ROLES.has(item.role) && !item.visible);
  const cue = report.texts.some((text) => text.id === 'more_below' && text.visible !== false);
  if (hidden.length > 0 && !cue) {
    problems.push(`${hidden.length} answers are below the fold with no "more answers below" sign (${
      hidden.map(named).slice(0, 3).join(', ')})`);
  }
  for (const control of report.items.filter((item) => !ANSWER_ROLES.has(item.role))) {
    if (!control.visible) problems.push(`${named(control)} is off screen`);
  }
  return problems;
}

function allQuestions(report) {
  const visits = [];
  for (const survey of report.surveys) {
    for (const language of survey.languages) {
      for (const question of survey.questions) visits.push({ survey: survey.id, question, language });
    }
  }
  return visits;
}

browserTest('every question of every survey fits at every text size, in every language, on a tablet and a phone',
  async ({ page, app }) => {
    const started = Date.now();
    await page.setViewportSize({ width: SCREENS[0].width, height: SCREENS[0].height });
    const first = await app.open();
    const visits = allQuestions(first);
    assert.ok(visits.length > 0, 'the app lists its surveys');
    const problems = [];
    let drawn = 0;
    for (const screen of SCREENS) {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      for (const setting of SETTINGS) {
        for (const visit of visits) {
          const report = await showQuestion(page, { ...visit, ...setting });
          assert.equal(report.viewport.width, screen.width);
          drawn += 1;
          const where = `${screen.name} ${setting.name} ${visit.survey}:${visit.question}:${visit.language}`;
          for (const problem of layoutProblems(report)) problems.push(`${where}: ${problem}`);
          if (SAMPLE.has(`${visit.survey}:${visit.question}:${visit.language}`)) {
            await shot(page, `layout-${screen.name}-${setting.name}-${visit.survey}-${visit.question}-${visit.language}`);
          }
        }
      }
    }
    console.log(`# ${drawn} questions drawn in ${Math.round((Date.now() - started) / 1000)} s`);
    writeFileSync(join(ARTIFACTS, 'layout-problems.txt'), problems.join('\n') + '\n');
    assert.equal(drawn, visits.length * SETTINGS.length * SCREENS.length);
    assert.deepEqual(problems.slice(0, 40), [], `${problems.length} layout problems`);
  }, { context: { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, hasTouch: true }, timeout: 300000 });

// The cases the walk-through found: each answer of these questions shows at once, with no
// scrolling, where the whole list used to need it.
browserTest('the feelings list and the how-true faces show every answer at once', async ({ page, app }) => {
  await app.open();
  const visibleAnswers = async (command) => {
    const report = await showQuestion(page, { survey: 'pupil', language: 'en', ...command });
    const answers = report.items.filter((item) => ANSWER_ROLES.has(item.role));
    assert.ok(answers.length > 0);
    return { report, hidden: answers.filter((item) => !item.visible).map((item) => item.label) };
  };
  let result = await visibleAnswers({ question: 'feelings', textSize: 0 });
  assert.deepEqual(result.hidden, [], 'every feeling word shows on the tablet');
  result = await visibleAnswers({ question: 'feel_safe', textSize: 2 });
  assert.deepEqual(result.hidden, [], 'every face shows at the largest text on the tablet');
  // At the largest text with high contrast the toolbar, progress and section line left the
  // question about 40% of the way down the screen; they keep to a quarter.
  result = await visibleAnswers({ question: 'feel_safe', textSize: 2, highContrast: true });
  const heading = result.report.texts.find((text) => text.label === result.report.title);
  const share = heading.y / result.report.viewport.height;
  console.log(`# at the largest text with high contrast the question starts ${(share * 100).toFixed(1)}% of the way down`);
  assert.ok(share <= 0.25, `the question starts ${Math.round(share * 100)}% of the way down the screen`);
  await shot(page, 'layout-tablet-largest-contrast-header');
  await page.setViewportSize({ width: 390, height: 844 });
  result = await visibleAnswers({ question: 'feel_safe', textSize: 0 });
  assert.deepEqual(result.hidden, [], '"Yes, a lot" and the others show on a phone');
  await shot(page, 'layout-phone-feel_safe');
});

// The Next button of an unanswered question cannot be used, yet its word must be readable:
// 4.5:1 contrast between its letters and its fill, in both colour schemes.
browserTest('a disabled Next keeps readable words', async ({ page, app }) => {
  await app.open();
  const luminance = ([r, g, b]) => {
    const channel = (value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  for (const highContrast of [false, true]) {
    const report = await showQuestion(page, { survey: 'pupil', question: 'year_group', language: 'en', highContrast });
    const next = report.items.find((item) => item.id === 'next');
    assert.equal(next.enabled, false);
    const png = decodePng(await page.screenshot());
    const scale = png.width / report.viewport.width;
    // The fill: the button's middle row at its left end; the letters: the pixel inside the
    // words that differs most from it.
    const fill = png.pixel(Math.round((next.x + 6) * scale), Math.round((next.y + next.height / 2) * scale));
    let letters = fill;
    for (let y = Math.floor(next.text.y * scale); y < (next.text.y + next.text.height) * scale; y++) {
      for (let x = Math.floor(next.text.x * scale); x < (next.text.x + next.text.width) * scale; x++) {
        const pixel = png.pixel(x, y);
        if (Math.abs(luminance(pixel) - luminance(fill)) > Math.abs(luminance(letters) - luminance(fill))) letters = pixel;
      }
    }
    const [light, dark] = [luminance(fill), luminance(letters)].sort((a, b) => b - a);
    const contrast = (light + 0.05) / (dark + 0.05);
    await shot(page, `layout-disabled-next${highContrast ? '-contrast' : ''}`);
    assert.ok(contrast >= 4.5, `the disabled Next's words have ${contrast.toFixed(1)}:1 contrast`);
  }
});

// Dyslexia-friendly letters are as big as the standard ones, and headings stay bigger than
// the words under them: measured as the ink of the same words, drawn in each font.
browserTest('dyslexia-friendly letters keep their size and the heading hierarchy', async ({ page, app }) => {
  await app.open();
  const inkHeight = (png, rect, scale) => {
    // The rows holding dark-on-light ink of the text's first line.
    let rows = 0;
    const lineHeight = Math.min(rect.height, rect.lineHeight);
    for (let y = 0; y < lineHeight * scale; y++) {
      if (countDarkPixels(png, { x: rect.x, y: rect.y + y / scale, width: rect.width, height: 1 / scale }, scale, 110) > 0) {
        rows += 1;
      }
    }
    return rows / scale;
  };
  const measure = async (dyslexiaFont) => {
    const report = await showQuestion(page, { survey: 'pupil', question: 'year_group', language: 'en', textSize: 2, dyslexiaFont });
    const heading = report.texts.find((text) => text.label === report.title);
    const choice = report.items.find((item) => item.role === 'radio');
    const png = decodePng(await page.screenshot());
    const scale = png.width / report.viewport.width;
    await shot(page, `layout-letters-${dyslexiaFont ? 'dyslexia' : 'standard'}`);
    return {
      heading: inkHeight(png, { ...heading.text, lineHeight: heading.text.height }, scale),
      choice: inkHeight(png, { ...choice.text, lineHeight: choice.text.height }, scale),
      headingLine: heading.height,
    };
  };
  const standard = await measure(false);
  const dyslexia = await measure(true);
  const ratio = dyslexia.choice / standard.choice;
  assert.ok(ratio > 0.9 && ratio < 1.2, `dyslexia letters are ${ratio.toFixed(2)} times the standard ones`);
  assert.ok(dyslexia.heading > dyslexia.choice * 1.1,
    `the question (${dyslexia.heading} px of ink) stands above its answers (${dyslexia.choice} px)`);
});
