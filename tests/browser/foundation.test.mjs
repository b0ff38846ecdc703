// The foundation as a person meets it: the start screen appears with real text, a tap works,
// the app fills the window and follows resizes, and an idle app draws nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, TABLET, browserTest, countDarkPixels, decodePng } from './harness.mjs';

browserTest('the welcome screen shows the survey title and a Start button, drawn with Noto Sans', async ({ app, page }) => {
  const report = await app.open();
  assert.equal(report.screen, 'welcome');
  assert.equal(report.title, 'How are you doing? Our pupil survey');
  assert.equal(report.fontsLoaded, true, `fonts did not load: ${report.fontError}`);
  const start = await app.item('Start');
  assert.equal(start.role, 'button');
  assert.equal(start.enabled, true);
  assert.ok(start.height >= 48, `Start is ${start.height} CSS px tall; touch targets need 48`);
  await app.waitUntilIdle();
  const shot = await page.screenshot({ path: join(ARTIFACTS, 'start-screen-dpr2.png') });
  const png = decodePng(shot);
  assert.equal(png.width, 2048, 'screenshot is at devicePixelRatio 2');
  // Text is dark on a light background: the title and introduction above the button.
  const textBand = { x: start.x, y: 60, width: start.width, height: start.y - 80 };
  assert.ok(countDarkPixels(png, textBand, 2) > 5000, 'no text drawn above the Start button');
  // White label text is drawn inside the blue button.
  const [r, g, b] = png.pixel(Math.round((start.x + 8) * 2), Math.round((start.y + start.height / 2) * 2));
  assert.ok(b > r + 60 && b > g, `the Start button is not blue (${r},${g},${b})`);
});

browserTest('tapping Start and Back moves between screens with real touch events', async ({ app }) => {
  await app.open();
  await app.tap('Start');
  const next = await app.waitForScreen('consent');
  assert.ok(next.items.some((item) => item.label === 'Back'));
  assert.ok(!next.items.some((item) => item.label === 'Start'), 'the old screen is gone');
  await app.tap('Back');
  await app.waitForScreen('welcome');
});

browserTest('a mouse click works as well as a tap', async ({ app }) => {
  await app.open();
  await app.click('Start');
  await app.waitForScreen('consent');
});

browserTest('a lifted finger leaves no answer looking half-chosen; a mouse still shows where it points', async ({ app, page }) => {
  await app.open('test=1&survey=pupil');
  await app.startSurvey();
  await app.tap('option:year_group:year_6');
  const tapped = await app.item('option:year_group:year_6');
  assert.equal(tapped.checked, true);
  assert.equal(tapped.hovered, false, 'the tile the finger left is not drawn as under a pointer');
  assert.deepEqual((await app.report()).items.filter((item) => item.hovered).map((item) => item.id), []);
  const { x, y } = await app.centreOf('option:year_group:year_7');
  await page.mouse.move(x, y);
  await page.waitForFunction(() => window.yousaidTest.items.some((item) => item.id === 'option:year_group:year_7' && item.hovered));
});

browserTest('the canvas fills the window at DPR 2 and follows a resize', async ({ app, page }) => {
  let report = await app.open();
  assert.deepEqual(report.viewport, { width: 1024, height: 768, devicePixelRatio: 2 });
  let canvas = await page.evaluate(() => {
    const element = document.getElementById('canvas');
    const box = element.getBoundingClientRect();
    return { width: element.width, height: element.height, cssWidth: box.width, cssHeight: box.height };
  });
  assert.deepEqual(canvas, { width: 2048, height: 1536, cssWidth: 1024, cssHeight: 768 });
  const before = await app.item('Start');
  assert.ok(Math.abs(before.x + before.width / 2 - 512) < 2, 'the Start button is centred');

  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction(() => window.yousaidTest.viewport.width === 700);
  report = await app.report();
  assert.deepEqual(report.viewport, { width: 700, height: 900, devicePixelRatio: 2 });
  canvas = await page.evaluate(() => ({ width: document.getElementById('canvas').width,
    height: document.getElementById('canvas').height }));
  assert.deepEqual(canvas, { width: 1400, height: 1800 });
  const after = await app.item('Start');
  assert.ok(Math.abs(after.x + after.width / 2 - 350) < 2, 'the Start button is centred after the resize');
  assert.ok(after.x >= 0 && after.x + after.width <= 700, 'the button fits the narrower window');
});

browserTest('at DPR 1 the canvas matches the window one to one', async ({ app, page }) => {
  const report = await app.open();
  assert.equal(report.viewport.devicePixelRatio, 1);
  const width = await page.evaluate(() => document.getElementById('canvas').width);
  assert.equal(width, 1024);
  await app.waitUntilIdle();
  await page.screenshot({ path: join(ARTIFACTS, 'start-screen-dpr1.png') });
}, { context: { ...TABLET, deviceScaleFactor: 1 } });

browserTest('an idle app draws no frames and sleeps, and input wakes it at once', async ({ app, page }) => {
  await app.open();
  const settled = await app.waitUntilIdle(500);
  // Emscripten calls preMainLoop before every iteration of the app's main loop.
  await page.evaluate(() => { window.__iterations = 0; Module.preMainLoop = () => { window.__iterations += 1; }; });
  await page.waitForTimeout(3000);
  const afterIdle = (await app.report()).frame;
  const iterations = await page.evaluate(() => window.__iterations);
  console.log(`frames drawn during 3 s idle: ${afterIdle - settled}; main loop iterations: ${iterations}`);
  assert.ok(afterIdle - settled <= 3, `drew ${afterIdle - settled} frames in 3 s of idle`);
  // Asleep, the loop only looks at its clocks four times a second (an animation frame each
  // time would be 180 iterations).
  assert.ok(iterations <= 16, `the idle main loop ran ${iterations} times in 3 s`);
  await page.mouse.move(200, 200);
  await page.waitForFunction((frame) => window.yousaidTest.frame > frame, afterIdle, { timeout: 1000 });
});

browserTest('the server sends WebAssembly with the application/wasm type', async ({ page, baseUrl }) => {
  const response = await page.request.get(`${baseUrl}app.wasm`);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/wasm');
  const missing = await page.request.get(`${baseUrl}../../etc/passwd`);
  assert.notEqual(missing.status(), 200);
});
