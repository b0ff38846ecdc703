// The accessible HTML layer over the canvas (bundled into app.js with --pre-js).
//
// Screen readers and keyboards cannot reach what a canvas draws, so after every drawn frame
// the app publishes its interactive items and this keeps one real, focusable HTML element per
// item (button, radio, checkbox, textarea), in reading order, laid over the item's rectangle
// but invisible and transparent to pointers (taps still reach the canvas). What people do
// with these elements is queued for the app, which acts on it in its next frame exactly as if
// the item had been tapped. The textarea is also the on-screen keyboard bridge: a tap on a
// text box focuses it inside the tap, which is what makes a tablet show its keyboard.
Module.yousaidAccessible = (function () {
  'use strict';
  var events = [];
  var elements = new Map();
  var items = [];
  var root = null;
  var heading = null;
  var live = null;
  var lastScreen = '';
  var lastAnnouncement = '';

  function queue(event) {
    events.push(event);
    Module.yousaidMainLoop.changed();
  }

  function setup() {
    if (root) return;
    var style = document.createElement('style');
    style.textContent =
      '#yousaid-accessible{position:fixed;inset:0;pointer-events:none;overflow:hidden}' +
      '#yousaid-accessible .mirror{position:absolute;margin:0;padding:0;border:0;opacity:0;' +
      'pointer-events:none;font-size:16px;background:transparent;color:transparent;resize:none}' +
      '.yousaid-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;' +
      'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}';
    document.head.appendChild(style);
    root = document.createElement('main');
    root.id = 'yousaid-accessible';
    heading = document.createElement('h1');
    heading.className = 'yousaid-visually-hidden';
    heading.tabIndex = -1;
    live = document.createElement('div');
    live.className = 'yousaid-visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    root.appendChild(heading);
    document.body.appendChild(root);
    document.body.appendChild(live);
    var canvas = Module.canvas;
    canvas.setAttribute('aria-hidden', 'true');
    // Inside the tap itself: focus the text field under the finger so the keyboard opens.
    var focusTextUnder = function (event) {
      var box = canvas.getBoundingClientRect();
      var x = event.clientX - box.left;
      var y = event.clientY - box.top;
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        if (item.role === 'textbox' && item.enabled && x >= item.x && x <= item.x + item.width &&
            y >= item.y && y <= item.y + item.height) {
          var element = elements.get(item.id);
          if (element && document.activeElement !== element) element.focus({ preventScroll: true });
          return;
        }
      }
    };
    canvas.addEventListener('pointerdown', focusTextUnder);
    canvas.addEventListener('pointerup', focusTextUnder);
  }

  function create(item) {
    var element;
    if (item.role === 'textbox') {
      element = document.createElement('textarea');
      element.addEventListener('input', function () {
        queue({ kind: 'text', id: element.dataset.itemId, text: element.value });
      });
    } else if (item.role === 'radio' || item.role === 'checkbox') {
      element = document.createElement('input');
      element.type = item.role;
      element.addEventListener('click', function (event) {
        // The app decides the state; the element shows it on the next frame.
        event.preventDefault();
        queue({ kind: 'activate', id: element.dataset.itemId });
      });
      element.addEventListener('keydown', function (event) {
        // Enter selects too, as on the canvas; arrow keys move within a group.
        if (event.key === 'Enter') {
          event.preventDefault();
          queue({ kind: 'activate', id: element.dataset.itemId });
        } else if (element.type === 'radio' && /^Arrow(Up|Down|Left|Right)$/.test(event.key)) {
          event.preventDefault();
          var group = Array.prototype.filter.call(root.querySelectorAll('input[type=radio]'),
            function (other) { return other.name === element.name; });
          var index = group.indexOf(element);
          var step = event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 1;
          var next = group[(index + step + group.length) % group.length];
          if (next) next.focus();
        }
      });
    } else {
      element = document.createElement('button');
      element.type = 'button';
      element.addEventListener('click', function () {
        queue({ kind: 'activate', id: element.dataset.itemId });
      });
    }
    element.className = 'mirror';
    element.dataset.itemId = item.id;
    element.dataset.role = item.role;
    element.addEventListener('focus', function () { queue({ kind: 'focus', id: element.dataset.itemId }); });
    element.addEventListener('blur', function () { queue({ kind: 'focus', id: '' }); });
    return element;
  }

  function update(element, item) {
    if (element.tagName === 'BUTTON') {
      if (element.textContent !== item.label) element.textContent = item.label;
    } else {
      element.setAttribute('aria-label', item.label);
    }
    if (item.description) element.setAttribute('aria-description', item.description);
    element.disabled = !item.enabled;
    if (item.role === 'radio' || item.role === 'checkbox') {
      element.checked = !!item.checked;
      element.name = item.group || item.id;
    }
    if (item.role === 'textbox') {
      if (item.maxLength > 0) element.maxLength = item.maxLength;
      // Never overwrite what is being typed; take the app's text otherwise.
      if (document.activeElement !== element && element.value !== item.value) element.value = item.value || '';
    }
    element.style.left = item.x + 'px';
    element.style.top = item.y + 'px';
    element.style.width = Math.max(1, item.width) + 'px';
    element.style.height = Math.max(1, item.height) + 'px';
  }

  function publish(json) {
    var screen = JSON.parse(json);
    setup();
    items = screen.items;
    var screenChanged = screen.screen !== lastScreen || screen.title !== heading.textContent;
    heading.textContent = screen.title || '';
    // Remove what left the screen first, so elements that stay are never moved: moving a
    // node in the DOM takes the keyboard focus away from it.
    var seen = new Set();
    for (var j = 0; j < items.length; j++) seen.add(items[j].id);
    var lostFocus = false;
    elements.forEach(function (element, id) {
      if (!seen.has(id)) {
        if (document.activeElement === element) lostFocus = true;
        element.remove();
        elements.delete(id);
      }
    });
    var previous = heading;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var element = elements.get(item.id);
      if (!element || element.dataset.role !== item.role) {
        if (element) element.remove();
        element = create(item);
        elements.set(item.id, element);
      }
      update(element, item);
      if (previous.nextSibling !== element) previous.after(element);
      previous = element;
    }
    // A focused control that became disabled (Next before an answer) hands focus to the
    // heading, so Tab carries on from the top of the new question, not from nowhere.
    if (document.activeElement && document.activeElement.disabled && root.contains(document.activeElement)) {
      lostFocus = true;
    }
    // On a new screen a keyboard user continues from its heading, not from nowhere.
    if (lostFocus || (screenChanged && root.contains(document.activeElement) === false &&
                      document.activeElement !== document.body)) {
      heading.focus({ preventScroll: true });
    }
    if (screen.announcement !== lastAnnouncement) {
      lastAnnouncement = screen.announcement;
      live.textContent = screen.announcement;
    }
    lastScreen = screen.screen;
    document.documentElement.dataset.screen = screen.screen;
  }

  function take() {
    var taken = events;
    events = [];
    return JSON.stringify(taken);
  }

  function voiceFor(language) {
    if (!('speechSynthesis' in window)) return null;
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || '').toLowerCase().indexOf(language.toLowerCase()) === 0) return voices[i];
    }
    return null;
  }

  if ('speechSynthesis' in window && window.speechSynthesis.addEventListener) {
    // Voices arrive late in some browsers; the speaker button appears when they do.
    window.speechSynthesis.addEventListener('voiceschanged', function () { Module.yousaidMainLoop.changed(); });
  }

  return {
    publish: publish,
    take: take,
    speechAvailable: function (language) { return voiceFor(language) !== null; },
    speak: function (text, language) {
      var voice = voiceFor(language);
      if (!voice) return;
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    },
    stop: function () { if ('speechSynthesis' in window) window.speechSynthesis.cancel(); },
  };
})();
