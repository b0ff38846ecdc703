// Idle cost of the web app: frames drawn while nobody touches the tablet, and how fast a
// tap is answered. Prints figures (budget: 0 idle frames; first frame after input < 100 ms).
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

const server = await startServer(resolve(process.env.YOUSAID_WEB_DIR || 'build/wasm/web'), 0);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2 });
  const loadStart = Date.now();
  await page.goto(`http://127.0.0.1:${server.address().port}/?test=1`);
  await page.waitForFunction(() => window.yousaidTest && window.yousaidTest.frame >= 1, null, { timeout: 30000 });
  console.log(`  first frame after navigation: ${Date.now() - loadStart} ms`);
  await page.waitForTimeout(1000);
  const idleSeconds = 10;
  const before = await page.evaluate(() => window.yousaidTest.frame);
  await page.waitForTimeout(idleSeconds * 1000);
  const after = await page.evaluate(() => window.yousaidTest.frame);
  console.log(`  frames drawn in ${idleSeconds} s idle: ${after - before} (budget 0)`);
  const wakeStart = Date.now();
  await page.mouse.move(300, 300);
  await page.waitForFunction((frame) => window.yousaidTest.frame > frame, after);
  console.log(`  first frame after input: ${Date.now() - wakeStart} ms (budget 100 ms)`);
} finally {
  await browser.close();
  server.close();
}
