// Shared harness for browser tests: serves the release build on 127.0.0.1, drives Debian's
// Chromium through Playwright (never a downloaded browser), and finds canvas items through
// the app's per-frame test report (?test=1) so taps go through the real input path.
import { after, test } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const WEB_DIR = resolve(process.env.YOUSAID_WEB_DIR || 'build/wasm/web');
export const ARTIFACTS = resolve(process.env.YOUSAID_ARTIFACTS || 'build/test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

let shared = null;
async function sharedBrowserAndServer() {
  if (!shared) {
    const server = await startServer(WEB_DIR, 0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    shared = { server, browser, baseUrl: `http://127.0.0.1:${server.address().port}/` };
  }
  return shared;
}

export async function closeShared() {
  if (!shared) return;
  await shared.browser.close();
  await new Promise((done) => shared.server.close(done));
  shared = null;
}

// The tablet the product is built for: 1024x768, touch, devicePixelRatio 2.
export const TABLET = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2, hasTouch: true };

// browserTest(name, fn, options): a node:test test with a fresh context and page; on failure
// it saves a screenshot named after the test in ARTIFACTS.
export function browserTest(name, fn, { context: contextOptions = TABLET, timeout = 120000 } = {}) {
  test(name, { timeout }, async () => {
    const { browser, baseUrl } = await sharedBrowserAndServer();
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    const consoleLines = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
    const app = new AppDriver(page, baseUrl);
    try {
      await fn({ page, context, app, baseUrl, consoleLines });
    } catch (error) {
      const file = join(ARTIFACTS, `FAILED-${name.replace(/[^a-z0-9]+/gi, '_')}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      error.message += `\n  screenshot: ${file}\n  console:\n    ${consoleLines.slice(-20).join('\n    ')}`;
      throw error;
    } finally {
      await context.close();
    }
  });
}

export class AppDriver {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  // Opens the app (or its officer's page, 'officer.html') and waits until it has loaded its
  // storage and can take answers.
  async open(query = 'test=1', page = '') {
    await this.page.goto(`${this.baseUrl}${page}?${query}`);
    await this.waitForReady();
    return this.report();
  }

  async waitForReady() {
    await this.page.waitForFunction(() => window.yousaidTest && window.yousaidTest.storage &&
      window.yousaidTest.storage.open, null, { timeout: 30000 });
  }

  report() {
    return this.page.evaluate(() => window.yousaidTest);
  }

  // From now on, keeps what `pattern` matches (its first group, else the whole match) in the
  // drawn text of every frame the page publishes: what showed for a moment, between two looks
  // a poll would take. drawnMatches() gives them, in order.
  async recordDrawnMatches(pattern) {
    await this.page.evaluate((source) => {
      window.__drawnMatches = [];
      let report = window.yousaidTest;
      Object.defineProperty(window, 'yousaidTest', {
        configurable: true,
        get: () => report,
        set: (value) => {
          report = value;
          const found = new RegExp(source, 'm').exec(value.drawnText || '');
          if (found) window.__drawnMatches.push(found[1] === undefined ? found[0] : found[1]);
        },
      });
    }, pattern.source);
  }

  drawnMatches() {
    return this.page.evaluate(() => window.__drawnMatches);
  }

  // Waits until every write the app has asked for is in the browser's storage. IDBFS saves
  // land asynchronously, some milliseconds after the frame that shows the change (longer on a
  // loaded machine), so a test that reloads or closes the page waits for this, as a person
  // who waits for "Everything is saved" would.
  async waitForStorageSaved() {
    await this.page.waitForFunction(() => {
      const storage = window.Module && window.Module.yousaidStorage;
      return storage && !storage.inFlight && storage.completed >= storage.requested;
    });
  }

  async waitForScreen(name, timeout = 10000) {
    await this.page.waitForFunction((wanted) => window.yousaidTest && window.yousaidTest.screen === wanted,
      name, { timeout });
    return this.report();
  }

  // The item with this label (or id) on the current frame, or an error listing what is there.
  async item(labelOrId) {
    const report = await this.report();
    const found = report.items.find((item) => item.label === labelOrId || item.id === labelOrId);
    if (!found) {
      throw new Error(`no item "${labelOrId}" on screen "${report.screen}"; items: ${
        report.items.map((item) => `"${item.label}"`).join(', ')}`);
    }
    return found;
  }

  // Scrolls with the mouse wheel, as a person would, until the item is wholly on screen.
  async scrollIntoView(labelOrId) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const item = await this.item(labelOrId);
      if (item.visible !== false) return item;
      const viewport = this.page.viewportSize();
      await this.page.mouse.move(viewport.width / 2, viewport.height / 3);
      // A few wheel notches at a time, more when the item is far away.
      const up = item.y < viewport.height / 3;
      const notches = Math.min(8, Math.max(1, Math.round(Math.abs(item.y - viewport.height / 2) / 150)));
      const seen = await this.inputsSeen();
      for (let notch = 0; notch < notches; notch++) await this.page.mouse.wheel(0, up ? -120 : 120);
      await this.answeredInput(seen + notches);
    }
    throw new Error(`could not scroll "${labelOrId}" into view`);
  }

  async centreOf(labelOrId) {
    const item = await this.scrollIntoView(labelOrId);
    const canvas = await this.page.locator('#canvas').boundingBox();
    return { x: canvas.x + item.x + item.width / 2, y: canvas.y + item.y + item.height / 2 };
  }

  // A finger tap at the item's centre: real touch events through SDL into ImGui.
  // Waits for the frame that answers the tap, so the next look sees its result.
  async tap(labelOrId) {
    const { x, y } = await this.centreOf(labelOrId);
    const seen = await this.inputsSeen();
    await this.page.touchscreen.tap(x, y);
    await this.answeredInput(seen + 1);
  }

  // How many finished inputs (a finger or button lifted, a wheel notch) the page has seen,
  // and, in window.__lastInputAt, when the last arrived. Counted ahead of the app's own
  // handlers, in the same dispatch, so the app cannot have missed one that is counted.
  inputsSeen() {
    return this.page.evaluate(() => {
      if (window.__inputsSeen === undefined) {
        window.__inputsSeen = 0;
        window.__lastInputAt = 0;
        const seen = () => { window.__inputsSeen += 1; window.__lastInputAt = performance.now(); };
        for (const type of ['pointerup', 'wheel']) window.addEventListener(type, seen, { capture: true, passive: true });
      }
      return window.__inputsSeen;
    });
  }

  // Waits until the page has seen `count` finished inputs (Playwright may return from a
  // wheel before it arrives) and the app has drawn its answer to them and gone quiet: a frame
  // that took its input after the last one arrived, and that the app says is its last before
  // idling. (ImGui acts on a release, then draws the result in the frames after.)
  // The page clock moves in 100 microsecond steps, and a wheel event is handed over just
  // before the animation frame that takes it, so the two can fall in the same step: "after"
  // is >=. (A frame that began before the input took longer than a step, so cannot tie.)
  async answeredInput(count) {
    try {
      await this.page.waitForFunction((wanted) => {
        const report = window.yousaidTest;
        return window.__inputsSeen >= wanted && report && report.inputTakenAt >= window.__lastInputAt &&
          !report.moreFramesDue;
      }, count, { polling: 'raf', timeout: 5000 });
    } catch (error) {
      const state = await this.page.evaluate(() => ({
        inputsSeen: window.__inputsSeen, lastInputAt: window.__lastInputAt, frame: window.yousaidTest.frame,
        inputTakenAt: window.yousaidTest.inputTakenAt, moreFramesDue: window.yousaidTest.moreFramesDue,
      })).catch(() => ({}));
      error.message += `\n  waiting for ${count} inputs answered; the page had ${JSON.stringify(state)}`;
      throw error;
    }
  }

  // Waits until no new frame has been drawn for `quietMs`.
  async settle(quietMs = 120) {
    await this.page.waitForFunction((quiet) => {
      const now = performance.now();
      const frame = window.yousaidTest ? window.yousaidTest.frame : -1;
      if (window.__settleFrame !== frame || window.__settleSince === undefined) {
        window.__settleFrame = frame;
        window.__settleSince = now;
        return false;
      }
      return now - window.__settleSince >= quiet;
    }, quietMs, { polling: 'raf', timeout: 5000 });
    await this.page.evaluate(() => { window.__settleSince = undefined; });
  }

  // From the welcome screen: Start, then "yes" to taking part, to the first question.
  async startSurvey() {
    await this.tap('start');
    await this.waitForScreen('consent');
    await this.tap('consent_yes');
    return this.waitForScreen('question');
  }

  // Taps a text box (which focuses the keyboard bridge) and types as on a tablet keyboard.
  async typeInto(id, text) {
    await this.tap(id);
    await this.page.keyboard.type(text, { delay: 10 });
    await this.page.waitForFunction(([item, wanted]) => {
      const found = window.yousaidTest.items.find((candidate) => candidate.id === item);
      return found && found.value === wanted;
    }, [id, text], { timeout: 5000 });
  }

  // Replaces a text field's whole content, as selecting all and typing over it does.
  async replaceText(id, text) {
    await this.tap(id);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text, { delay: 10 });
    await this.page.waitForFunction(([item, wanted]) => {
      const found = window.yousaidTest.items.find((candidate) => candidate.id === item);
      return found && found.value === wanted;
    }, [id, text], { timeout: 5000 });
  }

  // The staff area's door: press and hold the welcome screen's top-left corner, as staff do,
  // until the PIN pad shows (the app opens it after two seconds), then let go.
  async holdStaffCorner(timeout = 5000) {
    const { x, y } = await this.centreOf('staff_corner');
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.waitForFunction(() => window.yousaidTest.screen === 'staff_pin', null, { timeout });
    const seen = await this.inputsSeen();
    await this.page.mouse.up();
    await this.answeredInput(seen + 1);
  }

  async enterPin(digits) {
    for (const digit of digits) await this.tap(`pin:${digit}`);
    await this.tap('pin:OK');
  }

  async click(labelOrId) {
    const { x, y } = await this.centreOf(labelOrId);
    const seen = await this.inputsSeen();
    await this.page.mouse.click(x, y);
    await this.answeredInput(seen + 1);
  }

  // Waits until no new frame is drawn for `quietMs`; returns the frame number.
  async waitUntilIdle(quietMs = 500, timeout = 10000) {
    const start = Date.now();
    let last = (await this.report()).frame;
    let lastChange = Date.now();
    while (Date.now() - start < timeout) {
      await this.page.waitForTimeout(Math.min(100, quietMs / 3));
      const frame = (await this.report()).frame;
      if (frame !== last) {
        last = frame;
        lastChange = Date.now();
      } else if (Date.now() - lastChange >= quietMs) {
        return frame;
      }
    }
    throw new Error(`the app kept drawing frames for ${timeout} ms`);
  }
}

// A quick response to the pupil survey, as a station gets many in a day: taps to start, say
// yes and choose the required year group, then Skip pressed from the keyboard through the
// accessible layer for every other question (each once the app has drawn that question),
// then a tap on Send. Returns once "saved" is on screen.
export async function completeQuickPupilSurvey(app) {
  const { page } = app;
  await app.startSurvey();
  await app.tap('option:year_group:year_9');
  await app.tap('next');
  const skip = page.getByRole('main').getByRole('button', { name: 'Skip' });
  let shown = await page.evaluate(() => ({ screen: window.yousaidTest.screen, question: window.yousaidTest.session.questionId }));
  shown.skipFocused = false;
  while (shown.screen === 'question') {
    // Focus stays on Skip from one question to the next, so Enter alone presses it again.
    if (shown.skipFocused) await page.keyboard.press('Enter');
    else await skip.press('Enter');
    // Waits for a settled frame that shows the next question (or the end): each drawn frame
    // publishes what it shows, so that frame has been drawn.
    const next = await page.waitForFunction((previous) => {
      const report = window.yousaidTest;
      const moved = report.screen !== 'question' || report.session.questionId !== previous;
      const focused = document.activeElement;
      return moved && !report.moreFramesDue && {
        screen: report.screen,
        question: report.session.questionId,
        skipFocused: focused !== null && focused.tagName === 'BUTTON' && focused.textContent === 'Skip',
      };
    }, shown.question);
    shown = await next.jsonValue();
  }
  await app.waitForScreen('check');
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await page.waitForFunction(() => window.yousaidTest.storage.saveState === 'saved');
}

// Decodes an 8-bit RGB/RGBA PNG (as Playwright's screenshots are) into {width, height, pixel(x,y)}.
export function decodePng(buffer) {
  let offset = 8;
  let width = 0, height = 0, colorType = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('only 8-bit PNGs are supported');
      colorType = data[9];
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return {
    width,
    height,
    pixel(x, y) {
      const i = y * stride + x * channels;
      return [pixels[i], pixels[i + 1], pixels[i + 2]];
    },
  };
}

// Counts pixels in a CSS-pixel rectangle of a screenshot (scaled by the DPR) darker than a level.
export function countDarkPixels(png, rect, scale, level = 100) {
  let dark = 0;
  for (let y = Math.floor(rect.y * scale); y < Math.min(png.height, (rect.y + rect.height) * scale); y++) {
    for (let x = Math.floor(rect.x * scale); x < Math.min(png.width, (rect.x + rect.width) * scale); x++) {
      const [r, g, b] = png.pixel(x, y);
      if (r + g + b < level * 3) dark++;
    }
  }
  return dark;
}

// Every test file runs in its own process: close the browser and server when it ends.
after(closeShared);

// Answers questions from the current one on, following `plan` (question id -> action), until
// the check screen. An action is { tap: [item ids] }, { skip: true } or { type: 'text' }
// (typed through the tablet keyboard bridge: a tap on the box, then keys). Returns the ids
// of the questions shown, in order.
export async function answerQuestions(app, plan) {
  const shown = [];
  for (let guard = 0; guard < 100; guard++) {
    const report = await app.report();
    if (report.screen !== 'question') return shown;
    const id = report.session.questionId;
    shown.push(id);
    const action = plan[id];
    if (!action) throw new Error(`the plan has no answer for question "${id}" (shown so far: ${shown.join(', ')})`);
    if (action.skip) {
      await app.tap('skip');
    } else {
      for (const item of action.tap || []) await app.tap(item);
      if (action.type !== undefined) await app.typeInto(`text:${id}`, action.type);
      await app.tap('next');
    }
    await app.page.waitForFunction((previous) => window.yousaidTest.screen !== 'question' ||
      window.yousaidTest.session.questionId !== previous, id, { timeout: 5000 });
  }
  throw new Error('the survey never reached its end');
}

// Opens a survey's question directly through the test hook ({survey, question, language,
// textSize 0-2, highContrast, dyslexiaFont}) and waits for its settled frame. The command is queued and the frame number read in one turn of the page, so any
// later frame has taken the command.
export async function showQuestion(page, command) {
  const before = await page.evaluate((wanted) => {
    const frame = window.yousaidTest.frame;
    Module.yousaidAccessible.test('show_question', wanted);
    return frame;
  }, command);
  await page.waitForFunction(([wanted, previous]) => {
    const report = window.yousaidTest;
    return report.frame > previous && !report.moreFramesDue && report.screen === 'question' &&
      report.session.questionId === wanted.question && report.session.language === wanted.language &&
      report.display.highContrast === !!wanted.highContrast && report.display.dyslexiaFont === !!wanted.dyslexiaFont;
  }, [command, before], { polling: 'raf', timeout: 10000 });
  return page.evaluate(() => window.yousaidTest);
}

// Stored responses as plain objects: { id, status, answers: { question: answer } }.
// Every IDBFS file's bytes, read straight from the browser's IndexedDB: { path: Buffer }.
export async function indexedDbFiles(page) {
  const files = await page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('/data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const found = {};
      const cursor = db.transaction('FILE_DATA').objectStore('FILE_DATA').openCursor();
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) { db.close(); resolve(found); return; }
        if (at.value.contents) found[at.key] = Array.from(at.value.contents);
        at.continue();
      };
    };
  }));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, Buffer.from(bytes)]));
}

export function storedResponses(report) {
  return report.stored.map(({ response }) => {
    const answers = {};
    for (const entry of response.answers) {
      const { cereal_class_version: _, ...answer } = entry.value;
      answers[entry.key] = answer;
    }
    return { ...response, answers };
  });
}
