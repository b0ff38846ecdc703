// Shared harness for browser tests: serves the release build on 127.0.0.1, drives Debian's
// Chromium through Playwright (never a downloaded browser), and finds canvas items through
// the app's per-frame test report (?test=1) so taps go through the real input path.
import { after, test } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const WEB_DIR = resolve(process.env.YOUSAID_WEB_DIR || 'build/wasm/web');
export const ARTIFACTS = resolve(process.env.YOUSAID_ARTIFACTS || 'build/test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

let shared = null;
async function sharedBrowserAndServer() {
  if (!shared) {
    const server = await startServer(WEB_DIR, 0);
    const browser = await chromium.launch({
      executablePath: process.env.YOUSAID_CHROMIUM || '/usr/bin/chromium',
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
export function browserTest(name, fn, { context: contextOptions = TABLET, timeout = 60000 } = {}) {
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

  async open(query = 'test=1') {
    await this.page.goto(`${this.baseUrl}?${query}`);
    await this.page.waitForFunction(() => window.yousaidTest && window.yousaidTest.items, null, { timeout: 30000 });
    return this.report();
  }

  report() {
    return this.page.evaluate(() => window.yousaidTest);
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

  async centreOf(labelOrId) {
    const item = await this.item(labelOrId);
    const canvas = await this.page.locator('#canvas').boundingBox();
    return { x: canvas.x + item.x + item.width / 2, y: canvas.y + item.y + item.height / 2 };
  }

  // A finger tap at the item's centre: real touch events through SDL into ImGui.
  async tap(labelOrId) {
    const { x, y } = await this.centreOf(labelOrId);
    await this.page.touchscreen.tap(x, y);
  }

  async click(labelOrId) {
    const { x, y } = await this.centreOf(labelOrId);
    await this.page.mouse.click(x, y);
  }

  // Waits until no new frame is drawn for `quietMs`; returns the frame number.
  async waitUntilIdle(quietMs = 500, timeout = 10000) {
    const start = Date.now();
    let last = (await this.report()).frame;
    let lastChange = Date.now();
    while (Date.now() - start < timeout) {
      await this.page.waitForTimeout(100);
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
