// Moving through the accessible layer by keyboard alone, as workspace_keyboard.test.mjs and
// actions.test.mjs do: Tab, Shift+Tab and arrow keys to a control, then Enter or Space.
// Waits for the first settled frame drawn after `act` (a key press): the app has taken the
// key and drawn its answer.
export async function answered(page, act) {
  await page.waitForFunction(() => !window.yousaidTest.moreFramesDue, null, { polling: 'raf' });
  const before = await page.evaluate(() => window.yousaidTest.frame);
  await act();
  await page.waitForFunction((frame) => window.yousaidTest.frame > frame && !window.yousaidTest.moreFramesDue,
    before, { polling: 'raf', timeout: 5000 });
}

export async function press(page, key) {
  await answered(page, () => page.keyboard.press(key));
}

// Where the keyboard is, and which way the item `id` lies from it: the accessible layer's
// controls in reading order (a radio group is one Tab stop; arrows move within it).
function whereIs(id) {
  const controls = [...document.querySelectorAll('#yousaid-accessible button, #yousaid-accessible input, ' +
    '#yousaid-accessible textarea')];
  const active = document.activeElement;
  const target = controls.find((element) => element.dataset.itemId === id);
  if (!target) return { missing: true };
  if (active === target) return { here: true };
  const at = controls.indexOf(active);
  const to = controls.indexOf(target);
  if (active && active.type === 'radio' && target.type === 'radio' && active.name === target.name) {
    return { key: to > at ? 'ArrowRight' : 'ArrowLeft' };
  }
  return { key: at >= 0 && to < at ? 'Shift+Tab' : 'Tab' };
}

// Moves the keyboard to the item, with Tab, Shift+Tab and arrow keys only.
export async function focusItem(page, id, limit = 150) {
  for (let presses = 0; presses < limit; presses++) {
    const where = await page.evaluate(whereIs, id);
    if (where.here) return;
    if (where.missing) throw new Error(`no control "${id}" in the accessible layer`);
    await press(page, where.key);
  }
  throw new Error(`the keyboard never reached "${id}"`);
}

export async function pressOn(page, id, key = 'Enter') {
  await focusItem(page, id);
  await press(page, key);
}

