// timers_promises.js - require('timers/promises') (lib/timers/promises.js @v20.20.2, with what
// differs @v15.14.0, @v16.20.2, @v18.20.8, @v22.23.3), written for loopsim's prelude - not
// Node's code.  What orders callbacks:
//   - setTimeout(delay, value): the timer's callback is the promise's resolve itself (Node makes
//     a Timeout with `resolve` as its callback), so a .then on it runs one job after the timer;
//     setImmediate(value) likewise with an Immediate;
//   - with a signal, the promise returned is the first one passed through a `finally` that
//     removes the abort listener: Promise.prototype.finally before 16.4, then primordials'
//     SafePromisePrototypeFinally (a promise around a SafePromise around the first, then
//     .finally, then .then), which puts five more jobs between the timer and a .then on it;
//   - an aborted signal rejects at once (a rejected promise; setInterval throws at its first
//     next()); an abort later clears the timer and rejects, synchronously inside abort();
//   - setInterval is an async generator over a repeating timer: ticks nobody waited for are
//     counted and yielded one after another.
'use strict';

const internal = require('internal');
const EventEmitter = require('events');

const I = EventEmitter[Symbol.for('nodejs.loopsim.internals')];
const { abortError, invalidArgType, validateAbortSignal, validateObject, validateBoolean,
  validateNumber, kResistStopPropagation, feature } = I;
const major = internal.features.major;
// setInterval: 15.9.0
const HAS_INTERVAL = feature('timers_promises_interval', major >= 16);
// scheduler.wait/yield: 17.3.0 (16.14.0)
const HAS_SCHEDULER = feature('timers_scheduler', major >= 16);
// delay validated as a number, options with validateObject, signal and ref only when given:
// 22.8.0 (20.18.0) ("timers: fix validation", nodejs/node#54404)
const NEW_VALIDATION = feature('timers_promises_validation', major >= 20);
// primordials' SafePromisePrototypeFinally around the promise: 16.4.0 ("lib: make primordials
// Promise methods safe", nodejs/node#38650; not in 16.0.0, in 16.17.0)
const SAFE_FINALLY = feature('timers_promises_safe_finally', major >= 16);
// the listener on the signal resists stopImmediatePropagation (@v20.20.2, not @v20.2.0)
const RESIST = major >= 20;
// scheduler.wait passes its options on (@v20.20.2); only { signal } before (@v18.20.8)
const WAIT_PASSES_OPTIONS = NEW_VALIDATION;

const setTimeoutGlobal = globalThis.setTimeout;
const setImmediateGlobal = globalThis.setImmediate;
const setIntervalGlobal = globalThis.setInterval;
const clearTimeoutGlobal = globalThis.clearTimeout;
const clearImmediateGlobal = globalThis.clearImmediate;
const clearIntervalGlobal = globalThis.clearInterval;

// the arguments' checks, in Node's order (it throws the first error; the promise functions
// return it rejected, setInterval throws it from its first next())
function checkOptions(after, options, checkDelay) {
  if (NEW_VALIDATION) {
    if (checkDelay && typeof after !== 'undefined') validateNumber(after, 'delay');
    validateObject(options, 'options');
    if (typeof options.signal !== 'undefined') validateAbortSignal(options.signal, 'options.signal');
    if (typeof options.ref !== 'undefined') validateBoolean(options.ref, 'options.ref');
    return;
  }
  if (options == null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
  validateAbortSignal(options.signal, 'options.signal');
  const { ref = true } = options;
  if (typeof ref !== 'boolean') throw invalidArgType('options.ref', 'boolean', ref);
}

function listenerOptions(once) {
  const o = {};
  if (once) o.once = true;
  if (RESIST) o[kResistStopPropagation] = true;
  return o;
}

// the promise given back when there is a signal: the listener goes when it settles
function withFinally(promise, onFinally) {
  if (!SAFE_FINALLY) return promise.finally(onFinally);
  return new Promise((a, b) => new Promise((a2, b2) => promise.then(a2, b2)).finally(onFinally).then(a, b));
}

// setTimeout and setImmediate: the arguments checked (a rejected promise when they are wrong),
// an aborted signal rejects at once; else `start(resolve)` makes the timer (or immediate) whose
// callback is the promise's resolve, and an abort clears it and rejects.  No internal.api() of
// their own: the setTimeout/setImmediate they call is charged as one.
function timerPromise(after, options, checkDelay, start, clear) {
  try {
    checkOptions(after, options, checkDelay);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const handle = start(resolve);
    if (!ref) handle.unref();
    if (signal) {
      oncancel = () => {
        clear(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', oncancel, listenerOptions(false));
    }
  });
  return oncancel !== undefined ? withFinally(ret, () => signal.removeEventListener('abort', oncancel)) : ret;
}

function setTimeout(after, value, options = {}) {
  return timerPromise(after, options, true, (resolve) => setTimeoutGlobal(resolve, after, value),
    clearTimeoutGlobal);
}

function setImmediate(value, options = {}) {
  return timerPromise(undefined, options, false, (resolve) => setImmediateGlobal(resolve, value),
    clearImmediateGlobal);
}

async function* setInterval(after, value, options = {}) {
  if (NEW_VALIDATION) {
    checkOptions(after, options, true);
  } else {
    validateObject(options, 'options');
    validateAbortSignal(options.signal, 'options.signal');
    validateBoolean(options.ref === undefined ? true : options.ref, 'options.ref');
  }
  const { signal, ref = true } = options;
  if (signal && signal.aborted) throw abortError(signal);
  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = setIntervalGlobal(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after);
    if (!ref) interval.unref();
    if (signal) {
      onCancel = () => {
        clearIntervalGlobal(interval);
        if (callback) {
          callback(Promise.reject(abortError(signal)));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, listenerOptions(true));
    }
    while (!(signal && signal.aborted)) {
      if (notYielded === 0) {
        await new Promise((resolve) => { callback = resolve; });
      }
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    clearIntervalGlobal(interval);
    if (signal) signal.removeEventListener('abort', onCancel);
  }
}

// scheduler: an object of class Scheduler, which cannot be constructed; its methods check that
// `this` is the scheduler
const kScheduler = Symbol('kScheduler');

class Scheduler {
  constructor() {
    const err = new TypeError('Illegal constructor');
    err.code = 'ERR_ILLEGAL_CONSTRUCTOR';
    throw err;
  }

  yield() {
    if (!this[kScheduler]) throw invalidThis();
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) throw invalidThis();
    return setTimeout(delay, undefined, WAIT_PASSES_OPTIONS ? options : { signal: options && options.signal });
  }
}

function invalidThis() {
  const err = new TypeError('Value of "this" must be of type Scheduler');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

module.exports = { setTimeout, setImmediate };
if (HAS_INTERVAL) module.exports.setInterval = setInterval;
if (HAS_SCHEDULER) {
  module.exports.scheduler = Reflect.construct(function () {
    this[kScheduler] = true;
  }, [], Scheduler);
}
