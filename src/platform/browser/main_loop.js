// When the app's main loop sleeps and what wakes it (bundled into app.js with --pre-js).
//
// Emscripten runs the main loop once per animation frame. Even when an iteration finds
// nothing to do, asking for every animation frame keeps the page, its compositor and the
// GPU process waking sixty times a second, which an idle tablet at a survey station pays
// for in battery. So an idle iteration puts the loop to sleep (no animation frames at all),
// and it wakes at once for:
// - input: any pointer, touch, key, wheel, focus or size change reaching the page (SDL reads
//   the event itself in the next iteration);
// - something asynchronous finishing: storage loaded or saved, files picked, a share sheet
//   answered, speech voices arriving; its code calls changed(), and the next iteration
//   draws;
// - its clocks: at the latest after the time given to sleep(), so timeouts and countdowns
//   move on.
Module.yousaidMainLoop = (function () {
  'use strict';
  var asleep = false;
  var changedSinceLastLook = false;
  var alarm = 0;

  function wake() {
    if (!asleep) return;
    asleep = false;
    clearTimeout(alarm);
    Browser.mainLoop.resume();
  }

  // Called from inside an iteration: Emscripten's runner sees the pause when the iteration
  // returns and asks for no further frame.
  function sleep(mostMilliseconds) {
    if (asleep) return;
    asleep = true;
    Browser.mainLoop.pause();
    alarm = setTimeout(wake, mostMilliseconds);
  }

  function changed() {
    changedSinceLastLook = true;
    wake();
  }

  function takeChanged() {
    var was = changedSinceLastLook;
    changedSinceLastLook = false;
    return was;
  }

  // Capturing on window sees every event on its way to the canvas or the accessible layer,
  // including those that do not bubble (focus, mouseenter).
  [
    'pointerdown', 'pointermove', 'pointerup', 'pointercancel',
    'touchstart', 'touchmove', 'touchend', 'touchcancel',
    'mousedown', 'mousemove', 'mouseup', 'mouseenter', 'mouseleave', 'wheel',
    'keydown', 'keyup', 'keypress', 'input', 'change', 'click',
    'focus', 'blur', 'focusin', 'focusout',
    'resize', 'orientationchange', 'visibilitychange', 'fullscreenchange', 'pageshow',
  ].forEach(function (type) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  });

  return { sleep: sleep, wake: wake, changed: changed, takeChanged: takeChanged };
})();
