// The typing box behaves like a text box: the caret is drawn where typing goes (the hidden
// textarea's insertion point, which the tablet's keyboard moves), when the text wraps, when a
// word is deleted, when text is pasted, and when a keyboard suggestion replaces a word.
import assert from 'node:assert/strict';
import { browserTest, countDarkPixels, decodePng, showQuestion } from './harness.mjs';
import { shot } from './staff_steps.mjs';

const BOX = 'text:one_thing_to_change';

async function box(page) {
  return page.evaluate((id) => window.yousaidTest.items.find((item) => item.id === id), BOX);
}

// Waits for the frame that shows this text with the caret before byte `caret`.
async function waitForCaret(page, value, caret) {
  try {
    await page.waitForFunction(([id, wanted, at]) => {
      const report = window.yousaidTest;
      const found = report.items.find((item) => item.id === id);
      return !report.moreFramesDue && found && found.value === wanted && found.caret === at;
    }, [BOX, value, caret], { polling: 'raf', timeout: 5000 });
  } catch (error) {
    const found = await box(page);
    error.message += `\n  the box shows ${JSON.stringify(found && { value: found.value, caret: found.caret })}, ` +
      `wanted ${JSON.stringify({ value, caret })}`;
    throw error;
  }
  return box(page);
}

// The insertion point of the focused textarea, as a byte offset into its UTF-8 text.
function insertionPoint(page) {
  return page.evaluate(() => {
    const area = document.activeElement;
    return new TextEncoder().encode(area.value.slice(0, area.selectionStart)).length;
  });
}

// Where the caret stands at the end of `text` typed afresh: the caret drawn inside a longer
// text must stand exactly there when the words before it are the same.
async function caretAtEndOf(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.insertText(text);
  const found = await waitForCaret(page, text, Buffer.byteLength(text));
  return { x: found.caretX, y: found.caretY };
}

async function replaceAll(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  return waitForCaret(page, text, Buffer.byteLength(text));
}

function assertSamePlace(found, expected, what) {
  assert.ok(Math.abs(found.caretX - expected.x) <= 1 && Math.abs(found.caretY - expected.y) <= 1,
    `${what}: the caret is drawn at (${found.caretX}, ${found.caretY}), the insertion point is at (${expected.x}, ${expected.y})`);
}

async function openTextQuestion(page, app) {
  await app.open();
  await showQuestion(page, { survey: 'pupil', question: 'one_thing_to_change', language: 'en' });
  await app.tap(BOX);
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'TEXTAREA');
}

browserTest('the caret follows the arrow keys, and typing lands where it shows', async ({ page, app }) => {
  await openTextQuestion(page, app);
  const expected = await caretAtEndOf(page, 'the cXY');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('the cat', { delay: 10 });
  await waitForCaret(page, 'the cat', 7);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await waitForCaret(page, 'the cat', 5);
  await page.keyboard.type('XY', { delay: 10 });
  const found = await waitForCaret(page, 'the cXYat', 7);
  assert.equal(await insertionPoint(page), found.caret);
  assertSamePlace(found, expected, 'after typing mid-word');
  // The caret is really drawn there: a dark upright line the height of a line of text.
  const png = decodePng(await page.screenshot());
  const scale = png.width / (await page.evaluate(() => window.yousaidTest.viewport.width));
  const column = { x: found.caretX - 1.5, y: found.caretY, width: 3, height: found.caretHeight };
  const rows = (rect) => {
    let dark = 0;
    for (let y = 0; y < rect.height * scale; y++) {
      if (countDarkPixels(png, { ...rect, y: rect.y + y / scale, height: 1 / scale }, scale) > 0) dark += 1;
    }
    return dark / (rect.height * scale);
  };
  assert.ok(rows(column) > 0.9, `a caret line is drawn at the insertion point (${rows(column).toFixed(2)} of its rows dark)`);
  const end = { ...column, x: found.x + found.width - 40 };
  assert.ok(rows(end) < 0.1, 'no caret is drawn at the far end');
  await shot(page, 'text-box-caret-mid-word');
});

browserTest('the caret stays at the insertion point when the text wraps', async ({ page, app }) => {
  await openTextQuestion(page, app);
  const words = ('more clubs after school and a safe place to meet friends in the evenings near the park, ' +
    'with someone kind to talk to when things at home or at school get hard and buses that run late').split(' ');
  const text = words.join(' ');
  const whole = await replaceAll(page, text);
  const top = (await caretAtEndOf(page, '')).y;
  await replaceAll(page, text);
  assert.ok(whole.caretY > top + whole.caretHeight * 1.5, 'the text wraps onto a third line');
  // Back to the start, then right to the end of a word on a wrapped line.
  await page.keyboard.press('Control+Home');
  let found = await waitForCaret(page, text, 0);
  assert.equal(found.caretY, top, 'the caret goes back to the first line');
  const prefix = words.slice(0, Math.ceil(words.length * 0.6)).join(' ');
  for (let i = 0; i < prefix.length; i++) await page.keyboard.press('ArrowRight');
  found = await waitForCaret(page, text, prefix.length);
  assert.ok(found.caretY > top, 'the caret is on a wrapped line');
  await shot(page, 'text-box-caret-wrapped');
  const expected = await caretAtEndOf(page, prefix);
  assertSamePlace(found, expected, 'inside wrapped text');
});

browserTest('the caret stays right when a word is deleted, text is pasted, or a suggestion replaces a word',
  async ({ page, app }) => {
    await openTextQuestion(page, app);
    // Control+Backspace deletes the word before the caret.
    await replaceAll(page, 'alpha beta gamma');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await waitForCaret(page, 'alpha beta gamma', 10);
    await page.keyboard.press('Control+Backspace');
    let found = await waitForCaret(page, 'alpha  gamma', 6);
    assert.equal(await insertionPoint(page), 6);
    let expected = await caretAtEndOf(page, 'alpha ');
    await replaceAll(page, 'alpha  gamma');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    found = await waitForCaret(page, 'alpha  gamma', 6);
    assertSamePlace(found, expected, 'after deleting a word');

    // A paste arrives in one piece, mid-text.
    await page.keyboard.insertText('pasted ');
    found = await waitForCaret(page, 'alpha pasted  gamma', 13);
    expected = await caretAtEndOf(page, 'alpha pasted ');
    await replaceAll(page, 'alpha pasted  gamma');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    found = await waitForCaret(page, 'alpha pasted  gamma', 13);
    assertSamePlace(found, expected, 'after a paste');

    // A keyboard suggestion replaces the word "alpha" (the text before the caret changes
    // length, and the browser moves the insertion point to the end of the new word).
    await page.evaluate(() => {
      const area = document.activeElement;
      area.setRangeText('Alphabetical', 0, 5, 'end');
      area.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', bubbles: true }));
    });
    found = await waitForCaret(page, 'Alphabetical pasted  gamma', 12);
    assert.equal(await insertionPoint(page), 12);
    await shot(page, 'text-box-caret-suggestion');
    expected = await caretAtEndOf(page, 'Alphabetical');
    assertSamePlace(found, expected, 'after a suggestion replaced a word');
  });
