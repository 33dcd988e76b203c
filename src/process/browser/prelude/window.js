// window.js - the browser's objects that are easier said in JavaScript than in C, for the VM
// of a browser profile (src/process/browser/window.c): event targets and their listener lists
// (window and MessagePort), MessageChannel and MessagePort, MessageEvent, IdleDeadline.  The
// tasks themselves are the event loop's (html.c): a message is a task that calls the C side's
// dispatch, which takes the listeners from here and calls each one as a callback of its own, so
// that the microtask checkpoint of "clean up after running a callback" runs between two
// listeners (HTML 8.1.4.4, "clean up after running script": a checkpoint when the JavaScript
// execution context stack is empty).  Not Chromium's code: the behaviour the HTML and DOM
// standards give, which is what Chromium does for these.
//
// `internal` is window.c's:
//   internal.api()                     charges an API call's cost (as setTimeout's)
//   internal.postMessage(port, data)   queues the task that delivers `data` to `port` (a
//                                      MessagePort, or the window for window.postMessage)
//   internal.refuse(message)           stops the run: something loopsim does not model
'use strict';

const internal = require('internal');
const LISTENERS = Symbol('listeners');

// DOM "add an event listener": a listener is (type, callback, capture); the same one twice is
// added once.  `once` removes it before it runs.
function listenersOf(target, type) {
  const all = target[LISTENERS] || (target[LISTENERS] = {});
  return all[type] || (all[type] = []);
}

function captureOf(options) {
  return typeof options === 'boolean' ? options : !!(options && options.capture);
}

function addEventListener(type, callback, options) {
  internal.api();
  if (callback === null || callback === undefined)
    return;
  type = String(type);
  if (this !== globalThis && !(this instanceof MessagePort))
    internal.refuse(`addEventListener on ${Object.prototype.toString.call(this)} (loopsim ` +
                    'models the listeners of window and of MessagePort)');
  if (this === globalThis && type !== 'message')
    internal.refuse(`window.addEventListener('${type}') (loopsim models window's 'message' ` +
                    'events only: no DOM, no load, no input events)');
  const list = listenersOf(this, type);
  const capture = captureOf(options);
  for (const l of list)
    if (l.callback === callback && l.capture === capture)
      return;
  list.push({ callback, capture, once: !!(options && typeof options === 'object' && options.once),
              removed: false, handler: false });
}

function removeEventListener(type, callback, options) {
  internal.api();
  const list = listenersOf(this, String(type));
  const capture = captureOf(options);
  for (let i = 0; i < list.length; i++) {
    const l = list[i];
    if (l.callback === callback && l.capture === capture && !l.handler) {
      l.removed = true;
      list.splice(i, 1);
      return;
    }
  }
}

// An event handler IDL attribute (onmessage): one listener, added where the handler was first
// set to a function, whose callback the later sets replace (HTML 8.1.8.1, "event handlers").
function defineHandler(proto, name, onFirstSet) {
  const type = name.slice(2);
  Object.defineProperty(proto, name, {
    configurable: true,
    enumerable: true,
    get() {
      const l = listenersOf(this, type).find((x) => x.handler);
      return l ? l.callback : null;
    },
    set(value) {
      const list = listenersOf(this, type);
      const at = list.findIndex((x) => x.handler);
      if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) {
        if (at >= 0) {
          list[at].removed = true;
          list.splice(at, 1);
        }
        return;
      }
      if (at >= 0)
        list[at].callback = value;
      else
        list.push({ callback: value, capture: false, once: false, removed: false, handler: true });
      if (onFirstSet)
        onFirstSet(this);
    },
  });
}

// The listeners an event of `type` reaches, as the dispatch takes them: a copy of the list when
// it starts (DOM "inner invoke" iterates a clone; a listener removed meanwhile is skipped by its
// `removed` flag, which window.c checks through listenerLive).
function listenersFor(target, type) {
  return listenersOf(target, type).slice();
}

function listenerLive(target, type, l) {
  if (l.removed)
    return false;
  if (l.once) {
    l.removed = true;
    const list = listenersOf(target, type);
    const i = list.indexOf(l);
    if (i >= 0)
      list.splice(i, 1);
  }
  return true;
}

class MessageEvent {
  constructor(type, init) {
    this.type = String(type);
    this.data = init && 'data' in init ? init.data : null;
    this.origin = '';
    this.lastEventId = '';
    this.source = null;
    this.ports = [];
    this.target = null;
    this.currentTarget = null;
  }
}

// HTML 9.4.4 message ports: a port's messages wait in its port message queue until the port is
// enabled, by start() or by setting onmessage; close() disentangles both.
const PORT = Symbol('port');

class MessagePort {
  constructor(key) {
    if (key !== PORT)
      throw new TypeError('Illegal constructor');
    this[PORT] = { other: null, enabled: false, closed: false, waiting: [] };
  }
  postMessage(message) {
    internal.api();
    const me = this[PORT];
    if (me.closed || !me.other)
      return;
    const target = me.other;
    // StructuredSerialize: loopsim passes the value itself (a quiz posts strings and numbers)
    const state = target[PORT];
    if (state.closed)
      return;
    if (state.enabled)
      internal.postMessage(target, message);
    else
      state.waiting.push(message);
  }
  start() {
    internal.api();
    enablePort(this);
  }
  close() {
    internal.api();
    const me = this[PORT];
    me.closed = true;
    if (me.other)
      me.other[PORT].closed = true;
  }
}
MessagePort.prototype.addEventListener = addEventListener;
MessagePort.prototype.removeEventListener = removeEventListener;

function enablePort(port) {
  const state = port[PORT];
  if (state.enabled)
    return;
  state.enabled = true;
  for (const m of state.waiting.splice(0))
    internal.postMessage(port, m);
}

defineHandler(MessagePort.prototype, 'onmessage', enablePort);

function portClosed(port) {
  return port instanceof MessagePort && port[PORT].closed;
}

class MessageChannel {
  constructor() {
    internal.api();
    const a = new MessagePort(PORT), b = new MessagePort(PORT);
    a[PORT].other = b;
    b[PORT].other = a;
    this.port1 = a;
    this.port2 = b;
  }
}

// window.postMessage(message, targetOrigin): a task on the posted message task source that
// fires 'message' at the window (HTML 9.3.3 window post message steps).
function postMessage(message, targetOrigin) {
  internal.api();
  if (arguments.length < 1)
    throw new TypeError("Failed to execute 'postMessage' on 'Window': 1 argument required, " +
                        'but only 0 present.');
  internal.postMessage(globalThis, message);
}

// IdleDeadline (requestIdleCallback): timeRemaining() reads the virtual clock.
class IdleDeadline {
  constructor(deadline, didTimeout) {
    Object.defineProperty(this, '_deadline', { value: deadline });
    this.didTimeout = didTimeout;
  }
  timeRemaining() {
    const left = this._deadline - performance.now();
    return left > 0 ? left : 0;
  }
}

// The window's event handlers of events loopsim does not model (load, errors, input): setting
// one stops the run, rather than leaving a handler that would never be called.
for (const name of ['onload', 'onerror', 'onunhandledrejection', 'onrejectionhandled',
                    'onbeforeunload', 'onunload', 'onpagehide', 'onpageshow', 'onclick',
                    'onresize', 'onscroll', 'onpopstate', 'onhashchange', 'onfocus', 'onblur',
                    'onkeydown', 'onkeyup', 'onmousedown', 'onmouseup', 'onmousemove']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() { return null; },
    set() { internal.refuse(`window.${name} (no such event comes in loopsim's browser: it ` +
                            "models timers, messages, frames and idle callbacks)"); },
  });
}

module.exports = {
  MessageChannel, MessagePort, MessageEvent, IdleDeadline,
  addEventListener, removeEventListener, postMessage, defineHandler,
  listenersFor, listenerLive, portClosed,
};
