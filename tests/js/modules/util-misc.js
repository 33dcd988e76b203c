// util's other functions: inspect and format (console.log's), inherits, deprecate (a warning
// once per code, delivered from a tick), types, isDeepStrictEqual; the enumerable keys this
// file needs.
'use strict';
const util = require('util');
const log = (s) => console.log(s);
const keys = Object.keys(util);
log(['promisify', 'callbackify', 'inspect', 'format', 'inherits', 'deprecate', 'types',
  'isDeepStrictEqual'].map((k) => k + ':' + keys.includes(k)).join(' '));
log(util.inspect({ a: [1, 'two'], b: { c: null } }));
log(util.format('%s=%d %j', 'x', 42, { y: 1 }, 'rest'));
log('inspect.custom ' + (util.inspect.custom === Symbol.for('nodejs.util.inspect.custom')));
class Pt { constructor() { this.x = 1; } [util.inspect.custom]() { return 'Pt<' + this.x + '>'; } }
log(util.inspect(new Pt()));
function Base() { this.base = true; }
Base.prototype.hello = function () { return 'hello from base'; };
function Derived() { Base.call(this); }
util.inherits(Derived, Base);
const d = new Derived();
log(d.hello() + ' ' + (Derived.super_ === Base) + ' ' + (d instanceof Base));
process.on('warning', (w) => log('warning: ' + w.name + ' ' + w.code + ' ' + w.message));
const old = util.deprecate(function old(v) { return 'old ' + v; }, 'old() is deprecated', 'DEP_X');
const old2 = util.deprecate(() => 'old2', 'old2() is deprecated too', 'DEP_X');
log(old(1));
log(old(2));
log(old2());
process.nextTick(() => log('tick after deprecated calls'));
const t = util.types;
log([
  t.isPromise(Promise.resolve()), t.isPromise({ then() {} }),
  t.isAsyncFunction(async () => {}), t.isAsyncFunction(() => {}),
  t.isGeneratorFunction(function* () {}), t.isGeneratorFunction(() => {}),
  t.isDate(new Date()), t.isDate({}), t.isRegExp(/x/), t.isRegExp({}),
  t.isMap(new Map()), t.isMap({}), t.isSet(new Set()), t.isSet([]),
  t.isNativeError(new TypeError('t')), t.isNativeError({ name: 'Error', message: '' }),
].join(' '));
log([
  util.isDeepStrictEqual({ a: [1, 2] }, { a: [1, 2] }), util.isDeepStrictEqual({ a: 1 }, { a: '1' }),
  util.isDeepStrictEqual([1, [2]], [1, [2]]), util.isDeepStrictEqual(new Map([[1, 2]]), new Map([[1, 2]])),
  util.isDeepStrictEqual(NaN, NaN), util.isDeepStrictEqual(0, -0),
].join(' '));
log('end of main');
