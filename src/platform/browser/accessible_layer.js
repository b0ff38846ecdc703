// The accessible HTML layer over the canvas (bundled into app.js with --pre-js).
//
// Screen readers and keyboards cannot reach what a canvas draws, so after every drawn frame
// the app publishes what it drew and this keeps one real HTML element per item, in reading
// order, laid over the item's rectangle but invisible and transparent to pointers (taps still
// reach the canvas): a focusable button, radio, checkbox or textarea per control, a heading
// or paragraph per block of text, and a labelled radiogroup or group around each question's
// choices. A control that cannot be used yet says so with aria-disabled (never `disabled`,
// which would hide it from a screen reader's Tab) and, where the app gives one, a reason. What people do
// with these elements is queued for the app, which acts on it in its next frame exactly as if
// the item had been tapped. The textarea is also the on-screen keyboard bridge: a tap on a
// text box focuses it inside the tap, which is what makes a tablet show its keyboard.
Module.yousaidAccessible = (function () {
  'use strict';
  var events = [];
  var elements = new Map();      // item id -> its element (controls and text)
  var containers = new Map();    // group id -> the radiogroup or group around its choices
  var descriptions = new Map();  // item id -> the hidden element holding its description
  var items = [];
  var root = null;
  var heading = null;
  var live = null;
  var descriptionRoot = null;
  var lastScreen = '';
  var lastAnnouncement = '';

  function queue(event) {
    events.push(event);
    Module.yousaidMainLoop.changed();
  }

  function unusable(element) { return element.getAttribute('aria-disabled') === 'true'; }

  function domId(kind, id) { return 'yousaid-' + kind + '-' + id.replace(/[^A-Za-z0-9_.:-]/g, '_'); }

  function setup() {
    if (root) return;
    var style = document.createElement('style');
    style.textContent =
      '#yousaid-accessible{position:fixed;inset:0;pointer-events:none;overflow:hidden}' +
      '#yousaid-accessible .mirror{position:absolute;margin:0;padding:0;border:0;opacity:0;overflow:hidden;' +
      'pointer-events:none;font-size:16px;background:transparent;color:transparent;resize:none}' +
      '.yousaid-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;' +
      'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}';
    document.head.appendChild(style);
    root = document.createElement('main');
    root.id = 'yousaid-accessible';
    heading = document.createElement('h1');
    heading.id = 'yousaid-title';
    heading.className = 'yousaid-visually-hidden';
    heading.tabIndex = -1;
    live = document.createElement('div');
    live.className = 'yousaid-visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    descriptionRoot = document.createElement('div');
    descriptionRoot.hidden = true;
    root.appendChild(heading);
    document.body.appendChild(root);
    document.body.appendChild(live);
    document.body.appendChild(descriptionRoot);
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
      // A mouse click elsewhere takes the keyboard's focus away, as on any page: the ring
      // and the caret leave the text box or button, and keys no longer type into it. (A
      // finger keeps it, so the tablet's keyboard does not close and move the page mid-tap.)
      var active = document.activeElement;
      if (event.type === 'pointerdown' && event.pointerType === 'mouse' && active && active !== heading &&
          root.contains(active)) {
        active.blur();
      }
    };
    canvas.addEventListener('pointerdown', focusTextUnder);
    canvas.addEventListener('pointerup', focusTextUnder);
    document.addEventListener('keydown', pressShortcut);
    // Chromium tells of a textarea's moved insertion point here too (a selection by touch).
    document.addEventListener('selectionchange', function () {
      var active = document.activeElement;
      if (active && active.tagName === 'TEXTAREA' && root.contains(active)) sendCaret(active);
    });
  }

  // A control's own key (the PIN pad's digits) presses it wherever the focus is, except in a
  // text box, where the key is typing.
  function pressShortcut(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' &&
                   (active.type === 'text' || active.type === 'password'))) {
      return;
    }
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (item.keyShortcut !== event.key || !item.enabled) continue;
      event.preventDefault();
      queue({ kind: 'activate', id: item.id });
      return;
    }
  }

  // Which element an item needs: the screen's title is the one h1, other headings are h2,
  // other text a paragraph; controls by role.
  function kindOf(item, isTitle) {
    if (item.role === 'textbox' && item.masked) return 'password';
    if (item.role !== 'text') return item.role;
    if (isTitle) return 'title';
    return item.textKind === 'heading' ? 'h2' : 'p';
  }

  function activateUnlessUnusable(element) {
    if (!unusable(element)) queue({ kind: 'activate', id: element.dataset.itemId });
  }

  function createChoice(item) {
    var element = document.createElement('input');
    element.type = item.role;
    element.addEventListener('click', function (event) {
      // The app decides the state; the element shows it on the next frame.
      event.preventDefault();
      activateUnlessUnusable(element);
    });
    element.addEventListener('keydown', function (event) {
      // Enter selects too, as on the canvas; arrow keys move within a group.
      if (event.key === 'Enter') {
        event.preventDefault();
        activateUnlessUnusable(element);
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
    return element;
  }

  function createControl(item) {
    var element;
    if (item.role === 'textbox') {
      // A passphrase: a password input, whose text the app never sends back (see update).
      if (item.masked) {
        element = document.createElement('input');
        element.type = 'password';
        element.autocomplete = 'off';
      } else {
        element = document.createElement('textarea');
      }
      element.addEventListener('input', function () {
        var caret = caretOf(element);
        element.dataset.caret = caret.caret + ':' + caret.selectionEnd;
        queue({ kind: 'text', id: element.dataset.itemId, text: element.value, caret: caret.caret,
                selectionEnd: caret.selectionEnd });
      });
      // The canvas draws the caret where the textarea's insertion point is: arrow keys, Home,
      // End, a tap or a selection move it without changing the text.
      var moved = function () { sendCaret(element); };
      ['keydown', 'keyup', 'select', 'mouseup', 'focus'].forEach(function (type) {
        element.addEventListener(type, function () { setTimeout(moved, 0); });
      });
    } else if (item.role === 'radio' || item.role === 'checkbox') {
      element = createChoice(item);
    } else {
      element = document.createElement('button');
      element.type = 'button';
      element.addEventListener('click', function () { activateUnlessUnusable(element); });
    }
    element.addEventListener('focus', function () { queue({ kind: 'focus', id: element.dataset.itemId }); });
    element.addEventListener('blur', function () { queue({ kind: 'focus', id: '' }); });
    return element;
  }

  // UTF-8 byte length of a string: the app's text is UTF-8, the textarea's UTF-16.
  function utf8Length(text) { return new TextEncoder().encode(text).length; }

  function caretOf(element) {
    var value = element.value;
    return { caret: utf8Length(value.slice(0, element.selectionStart)),
             selectionEnd: utf8Length(value.slice(0, element.selectionEnd)) };
  }

  // Tells the app where the insertion point is, when it moved since it was last told.
  function sendCaret(element) {
    if (!element.isConnected) return;
    var caret = caretOf(element);
    var key = caret.caret + ':' + caret.selectionEnd;
    if (element.dataset.caret === key) return;
    element.dataset.caret = key;
    queue({ kind: 'caret', id: element.dataset.itemId, caret: caret.caret, selectionEnd: caret.selectionEnd });
  }

  function create(item, kind) {
    var element = item.role === 'text' ? document.createElement(kind) : createControl(item);
    element.className = 'mirror';
    element.id = domId(item.role === 'text' ? 'text' : 'item', item.id);
    element.dataset.itemId = item.id;
    element.dataset.kind = kind;
    return element;
  }

  // The reason a control cannot be used (or any other description), read after its name.
  function describe(element, item) {
    var holder = descriptions.get(item.id);
    if (!item.description) {
      if (holder) holder.remove();
      descriptions.delete(item.id);
      element.removeAttribute('aria-describedby');
      return;
    }
    if (!holder) {
      holder = document.createElement('span');
      holder.id = domId('description', item.id);
      descriptionRoot.appendChild(holder);
      descriptions.set(item.id, holder);
    }
    if (holder.textContent !== item.description) holder.textContent = item.description;
    element.setAttribute('aria-describedby', holder.id);
  }

  function place(element, item) {
    element.style.left = item.x + 'px';
    element.style.top = item.y + 'px';
    element.style.width = Math.max(1, item.width) + 'px';
    element.style.height = Math.max(1, item.height) + 'px';
  }

  function update(element, item) {
    place(element, item);
    if (item.role === 'text' || element.tagName === 'BUTTON') {
      if (element.textContent !== item.label) element.textContent = item.label;
      if (item.role === 'text') return;
    } else {
      element.setAttribute('aria-label', item.label);
    }
    describe(element, item);
    if (item.keyShortcut) element.setAttribute('aria-keyshortcuts', item.keyShortcut);
    else element.removeAttribute('aria-keyshortcuts');
    if (item.enabled) element.removeAttribute('aria-disabled');
    else element.setAttribute('aria-disabled', 'true');
    if (item.role === 'radio' || item.role === 'checkbox') {
      element.checked = !!item.checked;
      element.name = item.group || item.id;
    }
    if (item.role === 'textbox') {
      if (item.maxLength > 0) element.maxLength = item.maxLength;
      element.readOnly = !item.enabled;
      element.placeholder = item.placeholder || '';
      if (item.masked) {
        // The app never publishes a passphrase, only its length: once it has wiped one
        // (used, or the officer left), the field here is emptied too.
        if (!item.entered && element.value !== '') element.value = '';
      } else if (document.activeElement !== element && element.value !== item.value) {
        // Never overwrite what is being typed; take the app's text otherwise.
        element.value = item.value || '';
      }
    }
  }

  // The element for an item, made or remade when the item needs another kind of element.
  function elementFor(item, isTitle) {
    var kind = kindOf(item, isTitle);
    var element = elements.get(item.id);
    if (element && element.dataset.kind === kind) return element;
    if (element && element !== heading) element.remove();
    if (kind === 'title') {
      element = heading;
      element.dataset.itemId = item.id;
      element.dataset.kind = kind;
    } else {
      element = create(item, kind);
    }
    elements.set(item.id, element);
    return element;
  }

  function containerFor(group) {
    var element = containers.get(group.id);
    if (!element) {
      element = document.createElement('div');
      containers.set(group.id, element);
    }
    element.setAttribute('role', group.role);
    var label = elements.get(group.labelledBy);
    if (label) element.setAttribute('aria-labelledby', label.id);
    else element.removeAttribute('aria-labelledby');
    return element;
  }

  // The choices of a radio group or checkbox group, in reading order.
  function choicesNamed(name) {
    return Array.prototype.filter.call(root.querySelectorAll('input'), function (other) { return other.name === name; });
  }

  // Forgets what left the screen first, so elements that stay are never moved: moving a node
  // in the DOM takes the keyboard focus away from it. Says whether the focused one left, and
  // where in its group of choices it stood ({ lost, group, index }).
  function removeGone(screen, titleId) {
    var seen = new Set();
    for (var i = 0; i < screen.items.length; i++) seen.add(screen.items[i].id);
    var lostFocus = { lost: false, group: '', index: 0 };
    elements.forEach(function (element, id) {
      if (element === heading && id !== titleId) {
        elements.delete(id);
      } else if (!seen.has(id)) {
        if (document.activeElement === element) {
          lostFocus.lost = true;
          if (element.name) {
            lostFocus.group = element.name;
            lostFocus.index = choicesNamed(element.name).indexOf(element);
          }
        }
        if (element !== heading) element.remove();
        elements.delete(id);
        var holder = descriptions.get(id);
        if (holder) holder.remove();
        descriptions.delete(id);
      }
    });
    return lostFocus;
  }

  // Where each element goes, in reading order: [element, parent] pairs. A group's choices,
  // and any text drawn between its first and last choice (the 0-10 end labels), go inside
  // its radiogroup or group.
  function layoutOf(screen, titleItem) {
    var groups = new Map();
    (screen.groups || []).forEach(function (group) { groups.set(group.id, group); });
    var lastOfGroup = new Map();
    screen.items.forEach(function (item, index) { if (item.group && groups.has(item.group)) lastOfGroup.set(item.group, index); });
    var layout = titleItem ? [] : [[heading, root]];
    var open = null;
    var usedContainers = new Set();
    screen.items.forEach(function (item, index) {
      var element = elementFor(item, item === titleItem);
      update(element, item);
      var grouped = item.group && groups.has(item.group);
      if (open && (index > open.last || (grouped && item.group !== open.id))) open = null;
      if (!open && grouped) {
        open = { id: item.group, element: containerFor(groups.get(item.group)), last: lastOfGroup.get(item.group) };
        if (!usedContainers.has(open.element)) layout.push([open.element, root]);
        usedContainers.add(open.element);
      }
      layout.push([element, open ? open.element : root]);
    });
    containers.forEach(function (element, id) {
      if (!usedContainers.has(element)) {
        element.remove();
        containers.delete(id);
      }
    });
    return layout;
  }

  function arrange(layout) {
    var previousIn = new Map();
    layout.forEach(function (entry) {
      var element = entry[0];
      var parent = entry[1];
      var previous = previousIn.get(parent) || null;
      var wanted = previous ? previous.nextSibling : parent.firstChild;
      if (wanted !== element) {
        if (previous) previous.after(element);
        else parent.insertBefore(element, parent.firstChild);
      }
      previousIn.set(parent, element);
    });
  }

  function publish(json) {
    var screen = JSON.parse(json);
    setup();
    items = screen.items;
    var screenChanged = screen.screen !== lastScreen || screen.title !== heading.textContent;
    var titleItem = null;
    for (var i = 0; i < items.length && !titleItem; i++) {
      if (items[i].role === 'text' && items[i].textKind === 'heading' && items[i].label === screen.title) titleItem = items[i];
    }
    var focused = document.activeElement;
    var focusedWasUsable = focused && root.contains(focused) && !unusable(focused);
    var gone = removeGone(screen, titleItem ? titleItem.id : null);
    var lostFocus = gone.lost;
    heading.className = titleItem ? 'mirror' : 'yousaid-visually-hidden';
    if (!titleItem) {
      heading.removeAttribute('style');
      delete heading.dataset.kind;
    }
    heading.textContent = screen.title || '';
    arrange(layoutOf(screen, titleItem));
    // Building a group moves its choices into it once, which drops the focus: give it back.
    if (focused && focused !== document.activeElement && focused.isConnected && root.contains(focused)) {
      focused.focus({ preventScroll: true });
    }
    // A focused control that became unusable (Next on the next, unanswered question) hands
    // focus to the heading, so Tab carries on from the top of the new question.
    if (focusedWasUsable && document.activeElement === focused && unusable(focused)) lostFocus = true;
    // On a new screen a keyboard user continues from its heading, not from nowhere.
    // A choice that left while its group stayed on the same screen (a breakdown added leaves
    // the list of those to add) hands the focus to the choice now in its place, so the keyboard
    // keeps its place in the group.
    var sameGroup = lostFocus && !screenChanged && gone.group ? choicesNamed(gone.group) : [];
    if (sameGroup.length > 0) {
      sameGroup[Math.min(gone.index, sameGroup.length - 1)].focus({ preventScroll: true });
    } else if (lostFocus || (screenChanged && root.contains(document.activeElement) === false &&
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
    // A browser test's request, e.g. test('show_question', {survey, question, language, ...});
    // the app honours it only on a test page (?test=1).
    test: function (name, command) { queue({ kind: 'test', id: name, text: JSON.stringify(command || {}) }); },
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
