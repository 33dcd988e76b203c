// abort.js - EventTarget and Event (lib/internal/event_target.js), AbortController and
// AbortSignal (lib/internal/abort_controller.js) and DOMException
// (lib/internal/per_context/domexception.js), @v20.20.2 with what differs @v16.20.2 and
// @v22.23.3, written for loopsim's prelude - not Node's code.  What orders callbacks: an event is
// dispatched synchronously, to the listeners in the order they were added (an `onabort` handler
// keeps the place where it was first set), a once-listener is removed before it runs, a listener
// added during a dispatch runs in it when it comes after the current one, a listener that throws
// has its error thrown from a process.nextTick, and one that returns a promise has its rejection
// thrown so too; AbortSignal.timeout's timer is an unref'd setTimeout.
//
// The host runs this module when the VM starts (profile feature abort_controller) and makes its
// exports globals: each export is one of the version's globals.
'use strict';

const internal = require('internal');
const EventEmitter = require('events');

const I = EventEmitter[Symbol.for('nodejs.loopsim.internals')];
const { invalidArgType, codedError, validateAbortSignal, kResistStopPropagation,
  kMaxEventTargetListeners, kMaxEventTargetListenersWarned, feature } = I;
const major = internal.features.major;
// signal.reason, abort(reason), AbortSignal.abort(reason): 17.2.0 (16.14.0)
const HAS_REASON = feature('abort_reason', major >= 16);
// signal.throwIfAborted(): 17.3.0 (16.17.0)
const HAS_THROW_IF_ABORTED = feature('abort_throw_if_aborted', major >= 16);
// AbortSignal.timeout(ms): 17.3.0 (16.14.0)
const HAS_TIMEOUT = feature('abort_signal_timeout', major >= 16);
// AbortSignal.abort(): 15.12.0 (14.17.0)
const HAS_STATIC_ABORT = feature('abort_signal_abort', major >= 16);
// AbortSignal.any(signals): 20.3.0 (18.17.0)
const HAS_ANY = feature('abort_signal_any', major >= 20);
// the global DOMException: 17.0.0
const DOM_EXCEPTION_GLOBAL = feature('dom_exception_global', major >= 18);
// the global CustomEvent: 19.0.0 (lib/internal/bootstrap/web/exposed-window-or-worker.js)
const CUSTOM_EVENT_GLOBAL = feature('custom_event_global', major >= 20);
// the EventTarget max-listeners warning says "MaxListeners is N." (lib/internal/event_target.js
// @v20.20.2, not @v16.20.2)
const WARN_MAX = major >= 20;
// @v22.23.3: an AbortSignal never warns (its max listeners is 0); preventDefault() in a passive
// listener does nothing
const V22 = major >= 22;

const kEnumerable = { enumerable: true };
const kIsEventTarget = Symbol.for('nodejs.event_target');
const kTrustEvent = Symbol('kTrustEvent');
const kType = Symbol('type');
const kTarget = Symbol('kTarget');
const kDispatching = Symbol('kIsBeingDispatched');
const kStop = Symbol('kStop');
const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kCustomInspect = Symbol.for('nodejs.util.inspect.custom');
const kDetail = Symbol('detail');
const kInPassiveListener = Symbol('kInPassiveListener');

function missingArgs(...names) {
  const list = names.map((n) => '"' + n + '"');
  const text = list.length === 1 ? list[0] + ' argument' : list.join(' and ') + ' arguments';
  return codedError(TypeError, 'ERR_MISSING_ARGS', 'The ' + text + ' must be specified');
}

function invalidThis(type) {
  return codedError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type ' + type);
}

function inspectWith(inspect, value) {
  return typeof inspect === 'function' ? inspect(value) : internal.inspect(value);
}

// ---- DOMException ----------------------------------------------------------------------------

const domInternals = new WeakMap();
const domCodes = new Map();

class DOMException {
  constructor(message = '', options = 'Error') {
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this);
    if (options && typeof options === 'object') {
      domInternals.set(this, { message: `${message}`, name: `${options.name}` });
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          value: options.cause, configurable: true, writable: true, enumerable: false,
        });
      }
    } else {
      domInternals.set(this, { message: `${message}`, name: `${options}` });
    }
  }

  get name() {
    const d = domInternals.get(this);
    if (d === undefined) throw invalidThis('DOMException');
    return d.name;
  }

  get message() {
    const d = domInternals.get(this);
    if (d === undefined) throw invalidThis('DOMException');
    return d.message;
  }

  get code() {
    const d = domInternals.get(this);
    if (d === undefined) throw invalidThis('DOMException');
    const code = domCodes.get(d.name);
    return code === undefined ? 0 : code;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'DOMException' },
  name: kEnumerable,
  message: kEnumerable,
  code: kEnumerable,
});
[
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1], ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3], ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5], ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7], ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9], ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11], ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13], ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15], ['ValidationError', 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17], ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19], ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21], ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23], ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
].forEach(([name, codeName, value]) => {
  const desc = { enumerable: true, value };
  Object.defineProperty(DOMException, codeName, desc);
  Object.defineProperty(DOMException.prototype, codeName, desc);
  // the disused names have code 0
  if (value !== 2 && value !== 6 && value !== 16) domCodes.set(name, value);
});

// ---- Event -----------------------------------------------------------------------------------

const trusted = new WeakSet();
const perf = require('perf_hooks').performance;

function isEvent(value) {
  return value !== null && value !== undefined && typeof value[kType] === 'string';
}

function checkEvent(self) {
  if (!isEvent(self)) throw invalidThis('Event');
}

class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = perf.now();
  #propagationStopped = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('type');
    if (options != null && (typeof options !== 'object' || Array.isArray(options)))
      throw invalidArgType('options', 'Object', options);
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    this[kType] = `${type}`;
    if (options && options[kTrustEvent]) trusted.add(this);
    this[kTarget] = null;
    this[kDispatching] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw missingArgs('type');
    if (this[kDispatching]) return;
    this[kType] = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [kCustomInspect](depth, options, inspect) {
    checkEvent(this);
    const name = this.constructor.name;
    if (depth < 0) return name;
    return name + ' ' + inspectWith(inspect, {
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    });
  }

  stopImmediatePropagation() {
    checkEvent(this);
    this.stopPropagation();
    this[kStop] = true;
  }

  preventDefault() {
    checkEvent(this);
    if (V22 && (!this.#cancelable || this[kInPassiveListener])) return;
    this.#defaultPrevented = true;
  }

  get target() { checkEvent(this); return this[kTarget]; }
  get currentTarget() { checkEvent(this); return this[kDispatching] ? this[kTarget] : null; }
  get srcElement() { checkEvent(this); return this[kTarget]; }
  get type() { checkEvent(this); return this[kType]; }
  get cancelable() { checkEvent(this); return this.#cancelable; }
  get defaultPrevented() { checkEvent(this); return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { checkEvent(this); return this.#timestamp; }
  composedPath() { checkEvent(this); return this[kDispatching] ? [this[kTarget]] : []; }
  get returnValue() { checkEvent(this); return !this.#cancelable || !this.#defaultPrevented; }
  get bubbles() { checkEvent(this); return this.#bubbles; }
  get composed() { checkEvent(this); return this.#composed; }
  get eventPhase() { checkEvent(this); return this[kDispatching] ? Event.AT_TARGET : Event.NONE; }
  get cancelBubble() { checkEvent(this); return this.#propagationStopped; }
  set cancelBubble(value) { checkEvent(this); if (value) this.#propagationStopped = true; }
  stopPropagation() { checkEvent(this); this.#propagationStopped = true; }
}

Object.defineProperties(Event.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'Event' },
  initEvent: kEnumerable, stopImmediatePropagation: kEnumerable, preventDefault: kEnumerable,
  target: kEnumerable, currentTarget: kEnumerable, srcElement: kEnumerable, type: kEnumerable,
  cancelable: kEnumerable, defaultPrevented: kEnumerable, timeStamp: kEnumerable,
  composedPath: kEnumerable, returnValue: kEnumerable, bubbles: kEnumerable, composed: kEnumerable,
  eventPhase: kEnumerable, cancelBubble: kEnumerable, stopPropagation: kEnumerable,
  isTrusted: {
    configurable: false,
    enumerable: true,
    get: function isTrusted() { return trusted.has(this); },
  },
});
['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'].forEach((name, value) => {
  Object.defineProperty(Event, name, { writable: false, configurable: false, enumerable: true, value });
});

// CustomEvent: an Event with a detail (the global from 19.0.0)
class CustomEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw missingArgs('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }

  get detail() {
    if (!isEvent(this) || !(kDetail in this)) throw invalidThis('CustomEvent');
    return this[kDetail];
  }
}

Object.defineProperties(CustomEvent.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'CustomEvent' },
  detail: kEnumerable,
});

// ---- EventTarget -------------------------------------------------------------------------------

// A type's listeners: a linked list from a root { size, next }; a dispatch walks it taking each
// node's `next` before calling it, so a listener appended during the dispatch is reached unless
// the current one was the last.
class Listener {
  constructor(previous, listener, once, capture, passive, resist) {
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.previous = previous;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.resistStopPropagation = resist;
    this.removed = false;
    if (typeof listener === 'function') {
      this.callback = listener;
    } else {
      // an object with handleEvent: called through an async function (its promise goes to
      // addCatch like any listener's)
      this.callback = async (...args) => {
        if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, args);
      };
    }
  }

  same(listener, capture) {
    return this.listener === listener && this.capture === capture;
  }

  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
}

function isEventTarget(obj) {
  return obj !== null && obj !== undefined && obj.constructor !== null && obj.constructor !== undefined &&
    obj.constructor[kIsEventTarget] === true;
}

function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new Map();
}

// a listener's throw, or its promise's rejection: thrown again from a tick
function emitUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    then.call(promise, undefined, (err) => emitUncaughtException(err));
  }
}

function validateListener(listener) {
  if (typeof listener === 'function' || (listener != null && typeof listener.handleEvent === 'function'))
    return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw invalidArgType('listener', 'EventListener', listener);
}

function listenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return {};
  if (typeof options !== 'object' && typeof options !== 'function')
    throw invalidArgType('options', 'Object', options);
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resistStopPropagation: options[kResistStopPropagation] ?? false,
  };
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    let once = false;
    let capture = false;
    let passive = false;
    let resist = false;
    if (options !== undefined) {
      options = listenerOptions(options);
      once = options.once;
      capture = options.capture;
      passive = options.passive;
      resist = options.resistStopPropagation;
      const signal = options.signal;
      validateAbortSignal(signal, 'options.signal');
      if (signal) {
        if (signal.aborted) return;
        signal.addEventListener('abort', () => {
          this.removeEventListener(type, listener, options);
        }, { once: true, [kResistStopPropagation]: true });
      }
    }
    if (!validateListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = `${type}`;
    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined, resistStopPropagation: Boolean(resist) };
      new Listener(root, listener, once, capture, passive, resist);
      this[kEvents].set(type, root);
      newListener(this, root.size, type);
      return;
    }
    let handler = root.next;
    let previous = root;
    while (handler !== undefined && !handler.same(listener, capture)) {
      previous = handler;
      handler = handler.next;
    }
    if (handler !== undefined) return; // the same listener again: ignored
    new Listener(previous, listener, once, capture, passive, resist);
    root.size++;
    root.resistStopPropagation = root.resistStopPropagation || Boolean(resist);
    newListener(this, root.size, type);
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    if (!validateListener(listener)) return;
    type = `${type}`;
    const capture = options != null && options.capture === true;
    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;
    for (let handler = root.next; handler !== undefined; handler = handler.next) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        break;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 1) throw missingArgs('event');
    if (!(event instanceof Event)) throw invalidArgType('event', 'Event', event);
    if (event[kDispatching])
      throw codedError(Error, 'ERR_EVENT_RECURSION', `The event "${event.type}" is already being dispatched`);
    dispatch(this, event);
    return event.defaultPrevented !== true;
  }

  [kCustomInspect](depth, options, inspect) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    return name + ' ' + inspectWith(inspect, {});
  }
}

Object.defineProperties(EventTarget.prototype, {
  addEventListener: kEnumerable,
  removeEventListener: kEnumerable,
  dispatchEvent: kEnumerable,
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'EventTarget' },
});

// kNewListener: the max-listeners warning, once per target
function newListener(target, size, type) {
  const max = target[kMaxEventTargetListeners];
  if (max > 0 && size > max && !target[kMaxEventTargetListenersWarned]) {
    target[kMaxEventTargetListenersWarned] = true;
    const w = new Error('Possible EventTarget memory leak detected. ' + size + ' ' + type +
      ' listeners added to ' + '[' + target.constructor.name + '].' +
      (WARN_MAX ? ' MaxListeners is ' + max + '.' : '') + ' Use events.setMaxListeners() to increase limit');
    w.name = 'MaxListenersExceededWarning';
    w.target = target;
    w.type = type;
    w.count = size;
    process.emitWarning(w);
  }
}

function dispatch(target, event) {
  internal.api();
  const type = event.type;
  event[kTarget] = target;
  event[kDispatching] = true;
  const root = target[kEvents].get(type);
  if (root === undefined || root.next === undefined) {
    event[kDispatching] = false;
    return;
  }
  let handler = root.next;
  while (handler !== undefined &&
         (root.resistStopPropagation || handler.passive || event[kStop] !== true)) {
    const next = handler.next;
    if (handler.removed || (event[kStop] === true && !handler.resistStopPropagation)) {
      handler = next;
      continue;
    }
    if (handler.once) {
      handler.remove();
      root.size--;
    }
    try {
      if (V22 && handler.passive) event[kInPassiveListener] = true;
      const result = handler.callback.call(target, event);
      event[kDispatching] = false;
      if (result !== undefined && result !== null) addCatch(result);
    } catch (err) {
      emitUncaughtException(err);
    } finally {
      if (event[kInPassiveListener]) event[kInPassiveListener] = false;
    }
    // Node clears the dispatching flag after each listener (lib/internal/event_target.js:
    // arg[kIsBeingDispatched] = false) and sets it for the next one only through createEvent,
    // which does not run again for an event given to dispatchEvent
    handler = next;
  }
  event[kDispatching] = false;
}

// the `on<event>` attribute: one wrapper listener, added where the handler was first set
function defineEventHandler(proto, name) {
  const propName = 'on' + name;
  function get() {
    if (this === null || this === undefined || this[kHandlers] === undefined) throw invalidThis('EventTarget');
    const h = this[kHandlers].get(name);
    return h !== undefined && h.handler !== undefined ? h.handler : null;
  }
  function set(value) {
    if (this === null || this === undefined || this[kHandlers] === undefined) throw invalidThis('EventTarget');
    let wrapped = this[kHandlers].get(name);
    if (wrapped) {
      if (typeof wrapped.handler === 'function') this[kEvents].get(name).size--;
      wrapped.handler = value;
      if (typeof wrapped.handler === 'function') {
        const root = this[kEvents].get(name);
        root.size++;
        newListener(this, root.size, name);
      }
    } else {
      wrapped = function eventHandler(...args) {
        if (typeof wrapped.handler !== 'function') return;
        return Reflect.apply(wrapped.handler, this, args);
      };
      wrapped.handler = value;
      this.addEventListener(name, wrapped);
    }
    this[kHandlers].set(name, wrapped);
  }
  Object.defineProperty(get, 'name', { value: 'get ' + propName });
  Object.defineProperty(set, 'name', { value: 'set ' + propName });
  Object.defineProperty(proto, propName, { get, set, configurable: true, enumerable: true });
}

// ---- AbortSignal and AbortController -------------------------------------------------------------

function validateThisSignal(obj) {
  if (obj === null || obj === undefined || obj[kAborted] === undefined) throw invalidThis('AbortSignal');
}

function abortReason() {
  return HAS_REASON ? new DOMException('This operation was aborted', 'AbortError') : undefined;
}

class AbortSignal extends EventTarget {
  constructor() {
    throw codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  get aborted() {
    validateThisSignal(this);
    return !!this[kAborted];
  }

  [kCustomInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return this.constructor.name + ' ' + inspectWith(inspect, { aborted: this.aborted });
  }
}

if (HAS_REASON) {
  Object.defineProperty(AbortSignal.prototype, 'reason', {
    get() {
      validateThisSignal(this);
      return this[kReason];
    },
    configurable: true,
    enumerable: false,
  });
}
if (HAS_THROW_IF_ABORTED) {
  Object.defineProperty(AbortSignal.prototype, 'throwIfAborted', {
    value: function throwIfAborted() {
      validateThisSignal(this);
      if (this[kAborted]) throw this[kReason];
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
if (HAS_STATIC_ABORT) {
  AbortSignal.abort = function abort(reason = abortReason()) {
    return createAbortSignal(true, HAS_REASON ? reason : undefined);
  };
}
if (HAS_TIMEOUT) {
  // the timer is unref'd: a timeout signal alone does not keep the process alive
  // (lib/internal/abort_controller.js setWeakAbortSignalTimeout)
  AbortSignal.timeout = function timeout(delay) {
    if (typeof delay !== 'number') throw invalidArgType('delay', 'number', delay);
    if (!Number.isInteger(delay) || delay < (major >= 18 ? 0 : 1) || delay > 4294967295) {
      throw codedError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "delay" is out of range. It must be ' +
        (Number.isInteger(delay) ? '>= ' + (major >= 18 ? 0 : 1) + ' && <= 4294967295' : 'an integer') +
        '. Received ' + internal.inspect(delay));
    }
    const signal = createAbortSignal(false);
    const t = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    t.unref();
    return signal;
  };
}
if (HAS_ANY) {
  AbortSignal.any = function any(signals) {
    if (!Array.isArray(signals)) throw invalidArgType('signals', 'Array', signals);
    const result = createAbortSignal(false);
    for (const s of signals) {
      validateAbortSignal(s, 'signals');
      if (s.aborted) {
        abortSignal(result, s.reason);
        return result;
      }
    }
    for (const s of signals) {
      s.addEventListener('abort', () => abortSignal(result, s.reason), { once: true });
    }
    return result;
  };
}
Object.defineProperties(AbortSignal.prototype, {
  aborted: kEnumerable,
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'AbortSignal' },
});
defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(aborted, reason) {
  const signal = new EventTarget();
  Object.setPrototypeOf(signal, AbortSignal.prototype);
  if (V22) signal[kMaxEventTargetListeners] = 0;
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
}

class AbortController {
  #signal;

  // (Node writes `this.#signal ??= createAbortSignal()`, which loopsim's VM mis-compiles when
  // the right side is a call)
  get signal() {
    if (this.#signal === undefined) this.#signal = createAbortSignal(false);
    return this.#signal;
  }

  abort(reason = abortReason()) {
    if (this.#signal === undefined) this.#signal = createAbortSignal(false);
    abortSignal(this.#signal, HAS_REASON ? reason : undefined);
  }

  [kCustomInspect](depth, options, inspect) {
    return this.constructor.name + ' ' + inspectWith(inspect, { signal: this.signal });
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: kEnumerable,
  abort: kEnumerable,
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'AbortController' },
});

// what events.js asks of EventTargets (getEventListeners, setMaxListeners)
I.isEventTarget = isEventTarget;
I.eventTargetListeners = (target, type) => {
  const root = target[kEvents].get(type);
  const listeners = [];
  for (let h = root && root.next; h !== undefined && h.listener !== undefined; h = h.next) listeners.push(h.listener);
  return listeners;
};

module.exports = { AbortController, AbortSignal, EventTarget, Event };
if (DOM_EXCEPTION_GLOBAL) module.exports.DOMException = DOMException;
if (CUSTOM_EVENT_GLOBAL) module.exports.CustomEvent = CustomEvent;
