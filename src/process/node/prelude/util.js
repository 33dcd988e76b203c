// util.js - require('util') (lib/util.js and lib/internal/util.js @v20.20.2, with what differs
// @v10.7.0, @v11.15.0 and @v12.22.12), written for loopsim's prelude - not Node's code.  What
// orders callbacks:
//   - promisify(fn): a promise settled from inside fn's callback (resolve/reject called there),
//     or fn[util.promisify.custom] itself when fn has one;
//   - callbackify(fn): the callback runs from a process.nextTick queued by a .then on fn's
//     promise (one job, then a tick);
//   - deprecate(fn): the first call emits a DeprecationWarning through process.emitWarning,
//     which Node delivers from a tick; once per code.
// setTimeout and setImmediate carry their promisified forms (util.promisify.custom): in
// lib/timers.js on 10-14 (a promise resolved by a timer or an immediate), timers/promises'
// functions from 15 on (an accessor); they are attached when this module runs if they are not
// there yet.  inspect and format are console.log's (internal.inspect, internal.format): their
// options are not modelled.
'use strict';

const internal = require('internal');
const EventEmitter = require('events');

const I = EventEmitter[Symbol.for('nodejs.loopsim.internals')];
const { invalidArgType, codedError, validateFunction } = I;
const major = internal.features.major;
// util.promisify.custom and util.inspect.custom are Symbol.for(...) from 12 (12.16.2 / 13.12.0
// and 10.12.0; loopsim's console.log honours inspect.custom from 12, src/process/node/inspect.c)
const REGISTERED_SYMBOLS = major >= 12;
// callbackify's function is named <name>Callbackified, its length one more (@v12.22.12, not
// @v11.15.0)
const CALLBACKIFIED_NAME = major >= 12;
// timers/promises' functions as setTimeout/setImmediate's custom promisified forms: 15.0.0
const TIMERS_PROMISES = internal.features.timers_promises;

const kCustomPromisified = REGISTERED_SYMBOLS ? Symbol.for('nodejs.util.promisify.custom')
  : Symbol('util.promisify.custom');
// on 10 and 11 the host's own symbol, which console.log honours, when it gives one
const kInspectCustom = REGISTERED_SYMBOLS ? Symbol.for('nodejs.util.inspect.custom')
  : (typeof internal.inspectCustom === 'symbol' ? internal.inspectCustom : Symbol('util.inspect.custom'));

// ---- promisify ---------------------------------------------------------------------------------

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisified]) {
    const fn = original[kCustomPromisified];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisified, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  // the functions whose callbacks give several values resolve an object of them, named by
  // their customPromisifyArgs (lib/internal/util.js promisify: fs.read, fs.write, dns.lookup)
  const argumentNames = internal.promisifyArgs(original);
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++)
            obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisified, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisified;

// ---- callbackify -------------------------------------------------------------------------------

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const wrapped = codedError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
    wrapped.reason = reason;
    reason = wrapped;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args)
      .then((ret) => process.nextTick(cb, null, ret),
        (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (CALLBACKIFIED_NAME) {
    if (typeof descriptors.length.value === 'number') descriptors.length.value++;
    if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  } else {
    Object.setPrototypeOf(callbackified, Object.getPrototypeOf(original));
  }
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// ---- deprecate ---------------------------------------------------------------------------------

const codesWarned = new Set();

function deprecate(fn, msg, code) {
  if (code !== undefined && typeof code !== 'string') throw invalidArgType('code', 'string', code);
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code === undefined || !codesWarned.has(code)) {
        // process.emitWarning(msg, 'DeprecationWarning', code, deprecated): the warning object
        // Node makes of it
        const w = new Error(msg);
        w.name = 'DeprecationWarning';
        if (code !== undefined) {
          w.code = code;
          codesWarned.add(code);
        }
        process.emitWarning(w);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// ---- inherits ----------------------------------------------------------------------------------

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw invalidArgType('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw invalidArgType('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined)
    throw invalidArgType('superCtor.prototype', 'Object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

// ---- inspect and format ------------------------------------------------------------------------

function inspect(value) {
  return internal.inspect(value);
}
inspect.custom = kInspectCustom;

function format(...args) {
  return internal.format(...args);
}

function formatWithOptions(options, ...args) {
  if (options === null || typeof options !== 'object') throw invalidArgType('inspectOptions', 'Object', options);
  return internal.format(...args);
}

function debuglog() {
  const logger = () => {};
  logger.enabled = false;
  return logger;
}

// ---- types: what JavaScript can tell ------------------------------------------------------------

const toString = Object.prototype.toString;
const tag = (v) => toString.call(v);
const AsyncFunctionProto = Object.getPrototypeOf(async function () {});
const GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});
const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;

// does the builtin method accept v as its receiver (a brand check without side effects)
function accepts(method, v, ...args) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  try {
    method.call(v, ...args);
    return true;
  } catch (e) {
    return false;
  }
}

const isAsyncGenerator = (v) => typeof v === 'function' &&
  (tag(v) === '[object AsyncGeneratorFunction]' || Object.getPrototypeOf(v) === AsyncGeneratorFunctionProto);

const types = {
  isPromise: (v) => v !== null && typeof v === 'object' && tag(v) === '[object Promise]',
  isAsyncFunction: (v) => typeof v === 'function' && (tag(v) === '[object AsyncFunction]' ||
    Object.getPrototypeOf(v) === AsyncFunctionProto || isAsyncGenerator(v)),
  isGeneratorFunction: (v) => typeof v === 'function' && (tag(v) === '[object GeneratorFunction]' ||
    Object.getPrototypeOf(v) === GeneratorFunctionProto || isAsyncGenerator(v)),
  isDate: (v) => accepts(Date.prototype.getTime, v),
  isRegExp: (v) => v !== RegExp.prototype && accepts(regexpSource, v),
  isMap: (v) => accepts(Map.prototype.has, v, undefined),
  isSet: (v) => accepts(Set.prototype.has, v, undefined),
  isWeakMap: (v) => accepts(WeakMap.prototype.has, v, {}),
  isWeakSet: (v) => accepts(WeakSet.prototype.has, v, {}),
  isNativeError: (v) => v !== null && typeof v === 'object' && tag(v) === '[object Error]',
  isNumberObject: (v) => typeof v === 'object' && accepts(Number.prototype.valueOf, v),
  isStringObject: (v) => typeof v === 'object' && accepts(String.prototype.valueOf, v),
  isBooleanObject: (v) => typeof v === 'object' && accepts(Boolean.prototype.valueOf, v),
  isSymbolObject: (v) => typeof v === 'object' && accepts(Symbol.prototype.valueOf, v),
};
types.isBoxedPrimitive = (v) => types.isNumberObject(v) || types.isStringObject(v) ||
  types.isBooleanObject(v) || types.isSymbolObject(v);

// ---- isDeepStrictEqual (lib/internal/util/comparisons.js, in outline) ---------------------------

function isDeepStrictEqual(a, b) {
  return deepEqual(a, b, new Map());
}

function ownEnumerable(o) {
  return Reflect.ownKeys(o).filter((k) => Object.prototype.propertyIsEnumerable.call(o, k));
}

function deepEqual(a, b, seen) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tag(a) !== tag(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) && a.length !== b.length) return false;
  if (types.isDate(a) && a.getTime() !== b.getTime()) return false;
  if (types.isRegExp(a) && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex))
    return false;
  if (types.isNativeError(a) && (a.message !== b.message || a.name !== b.name)) return false;
  if (types.isBoxedPrimitive(a) && !Object.is(a.valueOf(), b.valueOf())) return false;
  const ka = ownEnumerable(a);
  const kb = ownEnumerable(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
    if (!deepEqual(a[k], b[k], seen)) return false;
  }
  if (types.isSet(a)) {
    if (a.size !== b.size) return false;
    outer: for (const x of a) {
      if (b.has(x)) continue;
      if (typeof x !== 'object' || x === null) return false;
      for (const y of b) if (deepEqual(x, y, seen)) continue outer;
      return false;
    }
  }
  if (types.isMap(a)) {
    if (a.size !== b.size) return false;
    outer: for (const [k, v] of a) {
      if (b.has(k)) {
        if (!deepEqual(v, b.get(k), seen)) return false;
        continue;
      }
      if (typeof k !== 'object' || k === null) return false;
      for (const [k2, v2] of b) if (deepEqual(k, k2, seen) && deepEqual(v, v2, seen)) continue outer;
      return false;
    }
  }
  return true;
}

// ---- setTimeout/setImmediate's custom promisified forms -----------------------------------------

// lib/timers.js @v10.7.0, @v12.22.12: own functions, the promise resolved from the timer (or
// the immediate) with the value; from 15 (@v16.20.2): an accessor giving timers/promises'
function attachTimersCustom() {
  const g = globalThis;
  if (Object.prototype.hasOwnProperty.call(g.setTimeout, kCustomPromisified)) return;
  if (TIMERS_PROMISES) {
    for (const name of ['setTimeout', 'setImmediate']) {
      Object.defineProperty(g[name], kCustomPromisified, {
        enumerable: true,
        configurable: false,
        get() {
          return require('timers/promises')[name];
        },
      });
    }
    return;
  }
  const setTimeoutGlobal = g.setTimeout;
  const setImmediateGlobal = g.setImmediate;
  g.setTimeout[kCustomPromisified] = function (after, value) {
    return new Promise((resolve) => { setTimeoutGlobal(resolve, after, value); });
  };
  g.setImmediate[kCustomPromisified] = function (value) {
    return new Promise((resolve) => { setImmediateGlobal(resolve, value); });
  };
}
attachTimersCustom();

// ---- the module: Node 20's keys, in its order, of what loopsim has ------------------------------

const exportsInOrder = [
  ['_extend', function _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = Object.keys(source);
    let i = keys.length;
    while (i--) target[keys[i]] = source[keys[i]];
    return target;
  }],
  ['callbackify', callbackify],
  // util.debug, an alias of debuglog: 14.9.0
  major >= 15 && ['debug', debuglog],
  ['debuglog', debuglog],
  ['deprecate', deprecate],
  ['format', format],
  ['formatWithOptions', formatWithOptions],
  ['inherits', inherits],
  ['inspect', inspect],
  ['isArray', Array.isArray],
  ['isBoolean', (v) => typeof v === 'boolean'],
  // util.isBuffer: Buffer.isBuffer (deprecated, DEP0044; removed in 23)
  ['isBuffer', (v) => Buffer.isBuffer(v)],
  ['isDeepStrictEqual', isDeepStrictEqual],
  ['isNull', (v) => v === null],
  ['isNullOrUndefined', (v) => v === undefined || v === null],
  ['isNumber', (v) => typeof v === 'number'],
  ['isString', (v) => typeof v === 'string'],
  ['isSymbol', (v) => typeof v === 'symbol'],
  ['isUndefined', (v) => v === undefined],
  ['isRegExp', types.isRegExp],
  ['isObject', (v) => v !== null && typeof v === 'object'],
  ['isDate', types.isDate],
  ['isError', (v) => types.isNativeError(v) || v instanceof Error],
  ['isFunction', (v) => typeof v === 'function'],
  ['isPrimitive', (v) => v === null || (typeof v !== 'object' && typeof v !== 'function')],
  ['promisify', promisify],
  ['types', types],
];
for (const entry of exportsInOrder) {
  if (entry) module.exports[entry[0]] = entry[1];
}

// What util has that loopsim does not model: a function that stops the run naming it when
// called (or constructed), rather than an undefined that would throw a TypeError Node does not.
// From the first major in which any release has it (the Node docs' "Added in"), so a version
// without it may refuse where Node has undefined, never the other way round.
const refused = [
  ['TextDecoder', 10], ['TextEncoder', 10], ['getSystemErrorName', 10], ['log', 10],
  ['getSystemErrorMap', 14], ['parseArgs', 16], ['stripVTControlCharacters', 16],
  ['toUSVString', 16], ['MIMEParams', 18], ['MIMEType', 18], ['aborted', 18],
  ['transferableAbortController', 18], ['transferableAbortSignal', 18], ['parseEnv', 20],
  ['styleText', 20], ['getCallSite', 22], ['getCallSites', 22],
];
for (const [name, since] of refused) {
  if (major >= since && !(name in module.exports)) {
    module.exports[name] = function () {
      internal.refuse(`loopsim does not model util.${name}`);
    };
  }
}
