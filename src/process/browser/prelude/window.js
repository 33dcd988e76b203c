// window.js - the browser's objects that are easier said in JavaScript than in C, for the VM
// of a browser profile (src/process/browser/window.c): event targets and their listener lists
// (window and MessagePort), MessageChannel and MessagePort, MessageEvent, IdleDeadline, and
// EventTarget, Event, CustomEvent, DOMException with the dispatch of an event the script
// dispatches itself (the DOM's nodes are dom.js's).  The
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
//   internal.report(error)             reports an exception a listener threw (the console's
//                                      "Uncaught ..."), and the run goes on
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

// Events that come from the browser itself and that loopsim never fires (no loading, no
// input, no navigation, no errors as events): a listener for one on window or document
// would never be called, so asking for one stops the run instead.
const NEVER_FIRED = ['load', 'DOMContentLoaded', 'readystatechange', 'beforeunload', 'unload',
                     'pagehide', 'pageshow', 'visibilitychange', 'error', 'unhandledrejection',
                     'rejectionhandled', 'resize', 'scroll', 'popstate', 'hashchange', 'focus',
                     'blur'];

function addEventListener(type, callback, options) {
  internal.api();
  if (callback === null || callback === undefined)
    return;
  type = String(type);
  if (this !== globalThis && !(this instanceof EventTarget))
    internal.refuse(`addEventListener on ${Object.prototype.toString.call(this)} (loopsim ` +
                    'models the listeners of window, MessagePort and the DOM\'s nodes)');
  if ((this === globalThis || this === globalThis.document) && NEVER_FIRED.includes(type))
    internal.refuse(`${this === globalThis ? 'window' : 'document'}.addEventListener('${type}') ` +
                    "(no such event comes in loopsim's browser: it models the page's script, " +
                    'timers, messages, frames, idle callbacks, and the events the script ' +
                    'dispatches)');
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

// DOMException (WebIDL 2.8.1): a name and a message; the legacy code of the names used here.
const CODES = { InvalidStateError: 11, SyntaxError: 12, NotFoundError: 8,
                HierarchyRequestError: 3, InvalidCharacterError: 5, NotSupportedError: 9 };
class DOMException extends Error {
  constructor(message = '', name = 'Error') {
    super(String(message));
    Object.defineProperty(this, 'name', { value: String(name), configurable: true,
                                          writable: true });
    Object.defineProperty(this, 'code', { value: CODES[name] || 0, configurable: true });
  }
}

// DOM 2.2 Event: its flags are kept under symbols; the attributes read them.
const FLAGS = Symbol('flags');
class Event {
  constructor(type, init) {
    if (arguments.length < 1)
      throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 " +
                          'present.');
    this[FLAGS] = { stop: false, stopNow: false, canceled: false, dispatching: false,
                    passive: false };
    this.type = String(type);
    this.bubbles = !!(init && init.bubbles);
    this.cancelable = !!(init && init.cancelable);
    this.composed = !!(init && init.composed);
    this.target = null;
    this.currentTarget = null;
    this.eventPhase = 0;
    this.isTrusted = false;
    this.timeStamp = performance.now();
  }
  get defaultPrevented() { return this[FLAGS].canceled; }
  get cancelBubble() { return this[FLAGS].stop; }
  set cancelBubble(v) { if (v) this[FLAGS].stop = true; }
  get returnValue() { return !this[FLAGS].canceled; }
  set returnValue(v) { if (!v) this.preventDefault(); }
  get srcElement() { return this.target; }
  stopPropagation() { this[FLAGS].stop = true; }
  stopImmediatePropagation() { this[FLAGS].stop = this[FLAGS].stopNow = true; }
  preventDefault() {
    if (this.cancelable && !this[FLAGS].passive)
      this[FLAGS].canceled = true;
  }
  composedPath() { return this[FLAGS].path ? this[FLAGS].path.slice() : []; }
}
Object.assign(Event, { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 });

class CustomEvent extends Event {
  constructor(type, init) {
    super(type, init);
    this.detail = init && 'detail' in init ? init.detail : null;
  }
}

// The parent an event goes on to (DOM 2.7 "get the parent"): a node's is its parent, a
// document's the window (dom.js sets it); window and message ports have none.
const GET_PARENT = Symbol('get the parent');

// DOM 2.9 "dispatch", for an event the script dispatches (dispatchEvent, click()): called
// from the script, so the listeners run with the script on the stack, and no microtask
// checkpoint comes between two of them ("clean up after running script" performs one only
// when the JavaScript execution context stack is empty, HTML 8.1.4.4).  No shadow trees, so
// the path is the target and its ancestors.  A listener that throws is reported (the
// console's "Uncaught ..."), and the dispatch goes on (DOM 2.10 "inner invoke", step 8.2).
function dispatch(target, event) {
  const flags = event[FLAGS];
  if (flags.dispatching)
    throw new DOMException("Failed to execute 'dispatchEvent' on 'EventTarget': The event is " +
                           'already being dispatched.', 'InvalidStateError');
  flags.dispatching = true;
  event.target = target;
  const path = [];
  for (let t = target; t; t = t[GET_PARENT] ? t[GET_PARENT](event) : null)
    path.push(t);
  flags.path = path;
  for (let i = path.length - 1; i >= 0 && !flags.stop; i--) {
    event.eventPhase = i === 0 ? 2 : 1;
    invoke(path[i], event, true);
  }
  for (let i = 0; i < path.length && !flags.stop; i++) {
    if (i > 0 && !event.bubbles)
      break;
    event.eventPhase = i === 0 ? 2 : 3;
    invoke(path[i], event, false);
  }
  event.eventPhase = 0;
  event.currentTarget = null;
  flags.path = null;
  flags.dispatching = false;
  flags.stop = flags.stopNow = false;
  return !flags.canceled;
}

function invoke(target, event, capturing) {
  const flags = event[FLAGS];
  event.currentTarget = target;
  const list = target[LISTENERS] && target[LISTENERS][event.type];
  if (!list)
    return;
  for (const l of list.slice()) {
    if (l.removed || l.capture !== capturing)
      continue;
    if (l.once) {
      l.removed = true;
      const i = list.indexOf(l);
      if (i >= 0)
        list.splice(i, 1);
    }
    flags.passive = false;
    try {
      if (typeof l.callback === 'function') {
        l.callback.call(target, event);
      } else if (l.callback && typeof l.callback.handleEvent === 'function') {
        l.callback.handleEvent(event);
      }
    } catch (e) {
      internal.report(e);
    }
    if (flags.stopNow)
      break;
  }
}

function dispatchEvent(event) {
  internal.api();
  if (!(event instanceof Event))
    throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is " +
                        "not of type 'Event'.");
  return dispatch(this, event);
}

class EventTarget {}
EventTarget.prototype.addEventListener = addEventListener;
EventTarget.prototype.removeEventListener = removeEventListener;
EventTarget.prototype.dispatchEvent = dispatchEvent;

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

class MessageEvent extends Event {
  constructor(type, init) {
    super(type, init);
    this.data = init && 'data' in init ? init.data : null;
    this.origin = '';
    this.lastEventId = '';
    this.source = null;
    this.ports = [];
  }
}

// HTML 9.4.4 message ports: a port's messages wait in its port message queue until the port is
// enabled, by start() or by setting onmessage; close() disentangles both.
const PORT = Symbol('port');

class MessagePort extends EventTarget {
  constructor(key) {
    if (key !== PORT)
      throw new TypeError('Illegal constructor');
    super();
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
                    'onbeforeunload', 'onunload', 'onpagehide', 'onpageshow',
                    'onresize', 'onscroll', 'onpopstate', 'onhashchange', 'onfocus', 'onblur',
                    'onkeydown', 'onkeyup', 'onmousedown', 'onmouseup', 'onmousemove']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() { return null; },
    set() { internal.refuse(`window.${name} (no such event comes in loopsim's browser: it ` +
                            "models the page's script, timers, messages, frames, idle " +
                            'callbacks, and the events the script dispatches)'); },
  });
}

module.exports = {
  MessageChannel, MessagePort, MessageEvent, IdleDeadline,
  EventTarget, Event, CustomEvent, DOMException, GET_PARENT, dispatch,
  addEventListener, removeEventListener, dispatchEvent, postMessage, defineHandler,
  listenersFor, listenerLive, portClosed,
};
