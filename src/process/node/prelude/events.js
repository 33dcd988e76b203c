// events.js - Node's EventEmitter (lib/events.js @v20.20.2, with what differs @v10.7.0,
// @v12.22.12, @v16.20.2, @v22.23.3), written for loopsim's prelude: the same observable
// behaviour (listeners called synchronously in registration order from a copy of the list taken
// when emit starts, once-wrappers removed before the listener runs, 'newListener' emitted before
// a listener is added and 'removeListener' after one is removed, errorMonitor listeners before
// an 'error' event, an 'error' event without a listener thrown, the max-listeners warning through
// process.emitWarning, captureRejections' rejection sent back as 'error' from a tick), and
// events.once/events.on with the promise jobs Node's take - not Node's code.
//
// `internal` is the process layer's: internal.api() charges an API call's cost, as setTimeout's
// are; internal.features the profile's.  What timers/promises and the AbortController module
// share with this one (AbortError, the argument errors, the EventTarget hooks) is on
// EventEmitter[Symbol.for('nodejs.loopsim.internals')], not enumerable.
'use strict';

const internal = require('internal');

const features = internal.features;
const major = features.major;
// a profile flag when the profile has it, else what the major version says (the report of
// this change lists the flags: src/process/profile.def)
function feature(name, approx) {
  return typeof features[name] === 'boolean' ? features[name] : approx;
}
const HAS_ONCE = features.events_once;
const HAS_ON = features.events_on;
// captureRejections, captureRejectionSymbol, errorMonitor: 13.4/13.6, 12.16/12.17 (the events_on
// versions)
const HAS_CAPTURE = feature('events_capture_rejections', HAS_ON);
const HAS_ERROR_MONITOR = feature('events_error_monitor', HAS_ON);
// once/on with { signal }, async once: 15.0.0
const ONCE_ASYNC = major >= 15;
// on() with listenersController, close, high/low watermarks: 20.0.0
const ON_V20 = major >= 20;
// getEventListeners 15.2.0 (14.17.0), setMaxListeners 15.4.0, getMaxListeners 19.9.0,
// addAbortListener 20.5.0 (18.18.0)
const HAS_GET_EVENT_LISTENERS = feature('events_get_event_listeners', major >= 15);
const HAS_SET_MAX_LISTENERS = feature('events_set_max_listeners', major >= 15);
const HAS_GET_MAX_LISTENERS = feature('events_get_max_listeners', major >= 20);
const HAS_ADD_ABORT_LISTENER = feature('events_add_abort_listener', major >= 20);
// events.EventEmitterAsyncResource: 17.4.0 (16.14.0)
const HAS_ASYNC_RESOURCE = feature('events_async_resource', major >= 16);
// every emitter's own [Symbol(shapeMode)]: 21.2.0, 20.11.0
const HAS_SHAPE_MODE = feature('events_shape_mode', major >= 20);
// the warning's text: "added to [Name]" from 12, "MaxListeners is N." from 22.2.0 (20.15.0)
const WARN_TARGET = major >= 12;
const WARN_MAX = feature('events_warning_max', major >= 20);
// validateObject(options) in once/on: 21.0.0 (lib/events.js @v22.23.3)
const VALIDATE_OPTIONS = major >= 21;

const kCapture = Symbol('kCapture');
const kShapeMode = Symbol('shapeMode');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
// the option that keeps a listener running after stopImmediatePropagation()
// (lib/internal/event_target.js @v20: kResistStopPropagation)
const kResistStopPropagation = Symbol.for('nodejs.loopsim.kResistStopPropagation');

// ---- Node's argument errors (lib/internal/errors.js @v20) ----------------------------------------

// determineSpecificType: how the value received is described
function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      return 'type number (' + String(value) + ')';
    case 'boolean':
      return 'type boolean (' + value + ')';
    case 'symbol':
      return 'type symbol (' + String(value) + ')';
    case 'bigint':
      return 'type bigint (' + String(value) + 'n)';
    case 'function':
      return 'function ' + value.name;
    case 'object':
      if (value.constructor && 'name' in value.constructor)
        return 'an instance of ' + value.constructor.name;
      return internal.inspect(value);
    default: {
      let s = value;
      if (s.length > 28) s = s.slice(0, 25) + '...';
      return s.indexOf("'") === -1 ? "type string ('" + s + "')" : 'type string (' + JSON.stringify(s) + ')';
    }
  }
}

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint',
  'symbol'];

function formatList(list) {
  if (list.length <= 2) return list.join(' or ');
  return list.slice(0, -1).join(', ') + ', or ' + list[list.length - 1];
}

function codedError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

// ERR_INVALID_ARG_TYPE(name, expected (a string or a list), actual)
function invalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += name + ' ';
  else msg += '"' + name + '" ' + (name.includes('.') ? 'property' : 'argument') + ' ';
  msg += 'must be ';
  const types = [];
  const instances = [];
  for (const e of expected) {
    if (kTypes.includes(e)) types.push(e.toLowerCase());
    else instances.push(e);
  }
  if (instances.length > 0 && types.includes('object')) {
    types.splice(types.indexOf('object'), 1);
    instances.push('Object');
  }
  if (types.length > 0) {
    msg += (types.length > 1 ? 'one of type ' : 'of type ') + formatList(types);
    if (instances.length > 0) msg += ' or ';
  }
  if (instances.length > 0) msg += 'an instance of ' + formatList(instances);
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE', msg + '. Received ' + describe(actual));
}

function outOfRange(name, range, value) {
  return codedError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name +
    '" is out of range. It must be ' + range + '. Received ' + internal.inspect(value));
}

function validateNumber(value, name, min) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (min !== undefined && (value < min || value !== value))
    throw outOfRange(name, '>= ' + min, value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalidArgType(name, 'Object', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'boolean', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
}

// lib/internal/validators.js validateAbortSignal: anything with an `aborted` property
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal)))
    throw invalidArgType(name, 'AbortSignal', signal);
}

// lib/internal/errors.js @v16+: the error of an aborted operation; `cause` is the signal's
// reason where the VM has Error's options (16.9+)
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object')
      throw invalidArgType('options', 'Object', options);
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal === undefined || signal === null ? undefined : signal.reason });
}

// ---- EventEmitter ----------------------------------------------------------------------------------

function checkListener(listener) {
  validateFunction(listener, 'listener');
}

function EventEmitter(opts) {
  internal.api();
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
if (HAS_CAPTURE) {
  Object.defineProperty(EventEmitter.prototype, kCapture, {
    value: false, writable: true, enumerable: false,
  });
}

let defaultMaxListeners = 10;

EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
    if (HAS_SHAPE_MODE) this[kShapeMode] = false;
  } else if (HAS_SHAPE_MODE) {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (HAS_CAPTURE) {
    if (opts && opts.captureRejections) {
      validateBoolean(opts.captureRejections, 'options.captureRejections');
      this[kCapture] = Boolean(opts.captureRejections);
    } else {
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  }
};

function getMax(that) {
  return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
}

// a listener's promise, with captureRejections: its rejection comes back as 'error' (or
// [Symbol.for('nodejs.rejection')]) from a tick
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, (err) => {
        process.nextTick(emitRejection, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitRejection(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
    return;
  }
  const prev = ee[kCapture];
  try {
    ee[kCapture] = false;
    ee.emit('error', err);
  } finally {
    ee[kCapture] = prev;
  }
}

const methods = {
  setMaxListeners(n) {
    if (major >= 20) {
      validateNumber(n, 'setMaxListeners', 0);
    } else if (typeof n !== 'number' || n < 0 || n !== n) {
      throw outOfRange('n', 'a non-negative number', n);
    }
    this._maxListeners = n;
    return this;
  },

  getMaxListeners() {
    return getMax(this);
  },

  emit(type, ...args) {
    internal.api();
    let doError = type === 'error';
    const events = this._events;
    if (events !== undefined) {
      if (doError && HAS_ERROR_MONITOR && events[kErrorMonitor] !== undefined)
        this.emit(kErrorMonitor, ...args);
      doError = doError && events.error === undefined;
    } else if (!doError) {
      return false;
    }
    if (doError) {
      const er = args.length > 0 ? args[0] : undefined;
      if (er instanceof Error) throw er; // Unhandled 'error' event
      let shown;
      try {
        shown = internal.inspect(er);
      } catch (e) {
        shown = er;
      }
      const err = codedError(Error, 'ERR_UNHANDLED_ERROR', 'Unhandled error. (' + shown + ')');
      err.context = er;
      throw err; // Unhandled 'error' event
    }
    const handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === 'function') {
      const result = handler.apply(this, args);
      if (result !== undefined && result !== null) addCatch(this, result, type, args);
    } else {
      const listeners = handler.slice();
      for (let i = 0; i < listeners.length; ++i) {
        const result = listeners[i].apply(this, args);
        if (result !== undefined && result !== null) addCatch(this, result, type, args);
      }
    }
    return true;
  },

  addListener(type, listener) { return addListener(this, type, listener, false); },
  on(type, listener) { return addListener(this, type, listener, false); },
  prependListener(type, listener) { return addListener(this, type, listener, true); },

  once(type, listener) {
    checkListener(listener);
    this.on(type, onceWrap(this, type, listener));
    return this;
  },

  prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, onceWrap(this, type, listener));
    return this;
  },

  removeListener(type, listener) {
    internal.api();
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      this._eventsCount -= 1;
      if (this[kShapeMode]) {
        events[type] = undefined;
      } else if (this._eventsCount === 0) {
        this._events = Object.create(null);
      } else {
        delete events[type];
        if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
      }
    } else if (typeof list !== 'function') {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          position = i;
          break;
        }
      }
      if (position < 0) return this;
      list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
    }
    return this;
  },

  off(type, listener) { return this.removeListener(type, listener); },

  removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      if (this[kShapeMode]) this[kShapeMode] = false;
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key === 'removeListener') continue;
        this.removeAllListeners(key);
      }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      if (this[kShapeMode]) this[kShapeMode] = false;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === 'function') {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    }
    return this;
  },

  listeners(type) { return listenersOf(this, type, true); },
  rawListeners(type) { return listenersOf(this, type, false); },

  listenerCount(type, listener) {
    const events = this._events;
    if (events !== undefined) {
      const l = events[type];
      if (typeof l === 'function') {
        if (listener != null) return listener === l || listener === l.listener ? 1 : 0;
        return 1;
      }
      if (l !== undefined) {
        if (listener != null) {
          let n = 0;
          for (const x of l) if (x === listener || x.listener === listener) n++;
          return n;
        }
        return l.length;
      }
    }
    return 0;
  },

  eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  },
};

// methods as Node defines them: assigned, so enumerable on the prototype
for (const name of Object.keys(methods)) {
  if (name === 'listenerCount' && major < 20) {
    // the listener argument: 19.8.0 / 18.16.0
    EventEmitter.prototype.listenerCount = function listenerCount(type) {
      return methods.listenerCount.call(this, type);
    };
    continue;
  }
  EventEmitter.prototype[name] = methods[name];
}

function addListener(target, type, listener, prepend) {
  internal.api();
  checkListener(listener);
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  if (typeof existing === 'function') {
    existing = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  const m = getMax(target);
  if (m > 0 && existing.length > m && !existing.warned) {
    existing.warned = true;
    let text = 'Possible EventEmitter memory leak detected. ' + existing.length + ' ' + String(type) +
      ' listeners added';
    if (WARN_TARGET) text += ' to ' + bracketName(target);
    text += '.';
    if (WARN_MAX) text += ' MaxListeners is ' + m + '.';
    const w = new Error(text + ' Use emitter.setMaxListeners() to increase limit');
    w.name = 'MaxListenersExceededWarning';
    w.emitter = target;
    w.type = type;
    w.count = existing.length;
    process.emitWarning(w);
  }
  return target;
}

// inspect(target, { depth: -1 }): [ConstructorName]
function bracketName(target) {
  const ctor = target.constructor;
  const name = ctor && typeof ctor.name === 'string' && ctor.name !== '' ? ctor.name : 'Object';
  return '[' + name + ']';
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = function (...args) {
    if (!state.fired) {
      state.target.removeListener(state.type, state.wrapFn);
      state.fired = true;
      return state.listener.apply(state.target, args);
    }
  };
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const l = events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
  return unwrap ? l.map((x) => x.listener || x) : l.slice();
}

// ---- the module's statics, in the order Node 20 defines them (Object.keys(require('events'))) ---

const internals = {
  AbortError,
  abortError,
  invalidArgType,
  codedError,
  validateAbortSignal,
  validateNumber,
  validateObject,
  validateBoolean,
  validateFunction,
  kResistStopPropagation,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
  // set by the AbortController module (abort.js) when it runs: is this an EventTarget, and its
  // listeners for a type
  isEventTarget: () => false,
  eventTargetListeners: () => [],
  feature,
};

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') emitter.removeListener(name, listener);
  else if (typeof emitter.removeEventListener === 'function') emitter.removeEventListener(name, listener, flags);
  else throw invalidArgType('emitter', 'EventEmitter', emitter);
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags && flags.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw invalidArgType('emitter', 'EventEmitter', emitter);
  }
}

// lib/internal/events/abort_listener.js @v20: a once listener on the signal, or a microtask
// when it is aborted already; the disposer removes the listener
function addAbortListener(signal, listener) {
  if (signal === undefined) throw invalidArgType('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { once: true, [kResistStopPropagation]: true });
    remove = () => signal.removeEventListener('abort', listener);
  }
  const disposable = {};
  const dispose = Symbol.dispose || Symbol.for('nodejs.dispose');
  disposable[dispose] = () => {
    if (remove) remove();
  };
  return disposable;
}

// events.once: lib/events.js @v12.22.12 (a promise made at once) and @v20 (an async function
// returning that promise: two jobs more between the event and a .then)
function onceLegacy(emitter, name) {
  return new Promise((resolve, reject) => {
    if (typeof emitter.addEventListener === 'function' && typeof emitter.on !== 'function') {
      emitter.addEventListener(name, (...args) => { resolve(args); }, { once: true });
      return;
    }
    let errorListener;
    const eventListener = (...args) => {
      if (errorListener !== undefined) emitter.removeListener('error', errorListener);
      resolve(args);
    };
    if (name !== 'error') {
      errorListener = (err) => {
        emitter.removeListener(name, eventListener);
        reject(err);
      };
      emitter.once('error', errorListener);
    }
    emitter.once(name, eventListener);
  });
}

async function once(emitter, name, options = {}) {
  if (VALIDATE_OPTIONS) validateObject(options, 'options');
  const signal = options === null || options === undefined ? undefined : options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      resolve(args);
    };
    // kResistStopPropagation: the listeners stay called after stopImmediatePropagation() (20.4+)
    const opts = { once: true };
    if (major >= 20) opts[kResistStopPropagation] = true;
    eventTargetAgnosticAddListener(emitter, name, resolver, opts);
    if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', errorListener);
    function abortListener() {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(abortError(signal));
    }
    if (signal != null) eventTargetAgnosticAddListener(signal, 'abort', abortListener, opts);
  });
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function iterResult(value, done) {
  return { value, done };
}

// events.on @v12.22.12 / @v16.20.2: queues of unconsumed events and of waiting next() promises
function onLegacy(emitter, event, options) {
  const signal = ONCE_ASYNC && options ? options.signal : undefined;
  if (ONCE_ASYNC) {
    validateAbortSignal(signal, 'options.signal');
    if (signal && signal.aborted) throw abortError(signal);
  }
  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let error = null;
  let finished = false;
  const removeListeners = () => {
    eventTargetAgnosticRemoveListener(emitter, event, eventHandler);
    eventTargetAgnosticRemoveListener(emitter, 'error', errorHandler);
  };
  const iterator = Object.setPrototypeOf({
    next() {
      const value = unconsumedEvents.shift();
      if (value) return Promise.resolve(iterResult(value, false));
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return Promise.resolve(iterResult(undefined, true));
      return new Promise((resolve, reject) => {
        unconsumedPromises.push({ resolve, reject });
      });
    },
    return() {
      removeListeners();
      if (signal) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener, { once: true });
      finished = true;
      for (const promise of unconsumedPromises) promise.resolve(iterResult(undefined, true));
      return Promise.resolve(iterResult(undefined, true));
    },
    throw(err) {
      if (!err || !(err instanceof Error))
        throw invalidArgType('EventEmitter.AsyncIterator', 'Error', err);
      error = err;
      removeListeners();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  }, AsyncIteratorPrototype);
  if (ONCE_ASYNC) {
    eventTargetAgnosticAddListener(emitter, event, eventHandler);
    if (event !== 'error' && typeof emitter.on === 'function') emitter.on('error', errorHandler);
    if (signal) eventTargetAgnosticAddListener(signal, 'abort', abortListener, { once: true });
  } else {
    emitter.on(event, eventHandler);
    emitter.on('error', errorHandler);
  }
  return iterator;

  function abortListener() {
    errorHandler(abortError(signal));
  }
  function eventHandler(...args) {
    const promise = unconsumedPromises.shift();
    if (promise) promise.resolve(iterResult(args, false));
    else unconsumedEvents.push(args);
  }
  function errorHandler(err) {
    finished = true;
    const toError = unconsumedPromises.shift();
    if (toError) toError.reject(err);
    else error = err;
    iterator.return();
  }
}

function validateInteger(value, name, min) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value))
    throw outOfRange(name, 'an integer', value);
  if (value < min || value > Number.MAX_SAFE_INTEGER)
    throw outOfRange(name, '>= ' + min + ' && <= ' + Number.MAX_SAFE_INTEGER, value);
}

// events.on @v20: the same queues; close events, high/low watermarks (pause/resume), and one
// close handler that removes every listener it added and resolves the waiting next()s
function onCurrent(emitter, event, options = {}) {
  if (VALIDATE_OPTIONS) validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) throw abortError(signal);
  const high = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(high, 'options.highWaterMark', 1);
  const low = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(low, 'options.lowWaterMark', 1);
  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;
  let size = 0;
  const added = [];
  const iterator = Object.setPrototypeOf({
    next() {
      if (size) {
        const value = unconsumedEvents.shift();
        size--;
        if (paused && size < low) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve(iterResult(value, false));
      }
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise((resolve, reject) => {
        unconsumedPromises.push({ resolve, reject });
      });
    },
    return() {
      return closeHandler();
    },
    throw(err) {
      if (!err || !(err instanceof Error))
        throw invalidArgType('EventEmitter.AsyncIterator', 'Error', err);
      errorHandler(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  }, AsyncIteratorPrototype);
  const listen = (name, handler) => {
    eventTargetAgnosticAddListener(emitter, name, handler);
    added.push([name, handler]);
  };
  listen(event, (...args) => eventHandler(args));
  if (event !== 'error' && typeof emitter.on === 'function') listen('error', errorHandler);
  const closeEvents = options.close;
  if (closeEvents && closeEvents.length) {
    for (let i = 0; i < closeEvents.length; i++) listen(closeEvents[i], closeHandler);
  }
  let abortDisposable = null;
  if (signal) abortDisposable = addAbortListener(signal, abortListener);
  return iterator;

  function abortListener() {
    errorHandler(abortError(signal));
  }
  function eventHandler(value) {
    if (unconsumedPromises.length === 0) {
      size++;
      if (!paused && size > high) {
        paused = true;
        emitter.pause();
      }
      unconsumedEvents.push(value);
    } else {
      unconsumedPromises.shift().resolve(iterResult(value, false));
    }
  }
  function errorHandler(err) {
    if (unconsumedPromises.length === 0) error = err;
    else unconsumedPromises.shift().reject(err);
    closeHandler();
  }
  function closeHandler() {
    if (abortDisposable) {
      const dispose = Symbol.dispose || Symbol.for('nodejs.dispose');
      abortDisposable[dispose]();
    }
    while (added.length > 0) {
      const [name, handler] = added.pop();
      eventTargetAgnosticRemoveListener(emitter, name, handler);
    }
    finished = true;
    const done = iterResult(undefined, true);
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(done);
    return Promise.resolve(done);
  }
}

// events.EventEmitterAsyncResource: an EventEmitter whose emit runs in its async resource's
// scope, which does not change what runs when; async_hooks' ids are not modelled
function makeEventEmitterAsyncResource() {
  const kResource = Symbol('kAsyncResource');
  const unmodelled = () => codedError(Error, 'ERR_LOOPSIM_UNSUPPORTED',
    'loopsim does not model async_hooks (EventEmitterAsyncResource ids)');
  return class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          const n = options === undefined || options === null ? undefined : options.name;
          if (typeof n !== 'string') throw invalidArgType('options.name', 'string', n);
        }
        name = (options && options.name) || new.target.name;
      }
      super(options);
      this[kResource] = { name };
    }

    emit(event, ...args) {
      if (this[kResource] === undefined) throw codedError(TypeError, 'ERR_INVALID_THIS',
        'Value of "this" must be of type EventEmitterAsyncResource');
      return super.emit(event, ...args);
    }

    emitDestroy() {}

    get asyncId() { throw unmodelled(); }
    get triggerAsyncId() { throw unmodelled(); }
    get asyncResource() { throw unmodelled(); }
  };
}

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
  if (internals.isEventTarget(emitterOrTarget))
    return internals.eventTargetListeners(emitterOrTarget, type);
  throw invalidArgType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (emitterOrTarget && typeof emitterOrTarget.getMaxListeners === 'function')
    return getMax(emitterOrTarget);
  if (emitterOrTarget && emitterOrTarget[kMaxEventTargetListeners])
    return emitterOrTarget[kMaxEventTargetListeners];
  throw invalidArgType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const target of eventTargets) {
    if (internals.isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw invalidArgType('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

if (HAS_ADD_ABORT_LISTENER) EventEmitter.addAbortListener = addAbortListener;
if (HAS_ONCE) EventEmitter.once = ONCE_ASYNC ? once : onceLegacy;
if (HAS_ON) EventEmitter.on = ON_V20 ? onCurrent : onLegacy;
if (HAS_GET_EVENT_LISTENERS) EventEmitter.getEventListeners = getEventListeners;
if (HAS_GET_MAX_LISTENERS) EventEmitter.getMaxListeners = getMaxListeners;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
if (HAS_CAPTURE) {
  EventEmitter.captureRejectionSymbol = kRejection;
  Object.defineProperty(EventEmitter, 'captureRejections', {
    get() {
      return EventEmitter.prototype[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
  });
}
if (HAS_ASYNC_RESOURCE) {
  let EventEmitterAsyncResource;
  Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
    enumerable: true,
    configurable: true,
    get() {
      EventEmitterAsyncResource ??= makeEventEmitterAsyncResource();
      return EventEmitterAsyncResource;
    },
    set: undefined,
  });
}
if (HAS_ERROR_MONITOR) EventEmitter.errorMonitor = kErrorMonitor;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    validateNumber(arg, 'defaultMaxListeners', 0);
    defaultMaxListeners = arg;
  },
});
if (HAS_GET_EVENT_LISTENERS) {
  Object.defineProperties(EventEmitter, {
    kMaxEventTargetListeners: { value: kMaxEventTargetListeners },
    kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned },
  });
}
if (HAS_SET_MAX_LISTENERS) EventEmitter.setMaxListeners = setMaxListeners;
// init was defined first (above) because the constructor needs it; Node's keys list it here
const init = EventEmitter.init;
delete EventEmitter.init;
EventEmitter.init = init;
// events.listenerCount(emitter, type): lib/events.js (deprecated in the docs only)
EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return methods.listenerCount.call(emitter, type);
};
Object.defineProperty(EventEmitter, Symbol.for('nodejs.loopsim.internals'), { value: internals });

module.exports = EventEmitter;
