function fmt(v) {
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (i in v ? fmt(v[i]) : '_');
    return s + ']';
  }
  if (typeof v === 'string') return '"' + v + '"';
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'function') return 'function ' + v.name;
  if (typeof v === 'object' && v !== null) return '{' + Object.keys(v).map(k => k + ':' + fmt(v[k])).join(',') + '}';
  return String(v);
}
function show(label, v) { console.log(label + ' = ' + fmt(v)); }
function attempt(label, fn) {
  try { show(label, fn()); } catch (e) { console.log(label + ' throws ' + e.name + ': ' + e.message); }
}

// Reflect.apply(f, this, args) and Reflect.construct(C, args, newTarget)
function whoami(a, b) { return [this === undefined ? 'undefined' : typeof this === 'object' ? this.tag : this, a, b, arguments.length]; }
show('apply', Reflect.apply(whoami, { tag: 'T' }, [1, 2]));
show('apply array-like', Reflect.apply(whoami, { tag: 'L' }, { length: 2, 0: 'x', 1: 'y' }));
show('apply empty', Reflect.apply(whoami, { tag: 'E' }, []));
show('apply strict this', Reflect.apply(function () { 'use strict'; return this; }, 5, []));
show('apply sloppy this primitive', Reflect.apply(function () { return typeof this; }, 5, []));
show('apply native', Reflect.apply(Math.max, undefined, [1, 5, 3]));
show('apply string method', Reflect.apply(String.prototype.slice, 'hello', [1, 3]));
show('apply holes', Reflect.apply(function () { return arguments.length + ':' + arguments[1]; }, null, [1, , 3]));
show('apply length string', Reflect.apply(function () { return arguments.length; }, null, { length: '3' }));
show('apply bound', Reflect.apply(whoami.bind({ tag: 'B' }, 'pre'), { tag: 'ignored' }, ['arg']));
show('apply arrow', Reflect.apply((a) => a * 2, null, [21]));
attempt('apply(1)', () => Reflect.apply(1));
attempt('apply({})', () => Reflect.apply({}));
attempt('apply(undefined)', () => Reflect.apply(undefined));
attempt('apply(null)', () => Reflect.apply(null));
attempt('apply("s")', () => Reflect.apply('s'));
attempt('apply(true)', () => Reflect.apply(true));
attempt('apply(Symbol())', () => Reflect.apply(Symbol()));
attempt('apply([])', () => Reflect.apply([]));
attempt('apply(f) without list', () => Reflect.apply(whoami, null));
attempt('apply(f, null, 1)', () => Reflect.apply(whoami, null, 1));
attempt('apply(f, null, "ab")', () => Reflect.apply(whoami, null, 'ab'));
attempt('apply(f, null, null)', () => Reflect.apply(whoami, null, null));
attempt('apply too many', () => Reflect.apply(function () {}, null, { length: 2 ** 32 }));
attempt('apply propagates', () => Reflect.apply(() => { throw new SyntaxError('inner'); }, null, []));
// construct
function Point(x, y) { this.x = x; this.y = y; this.nt = new.target === Point ? 'Point' : new.target && new.target.name; }
const p = Reflect.construct(Point, [1, 2]);
show('construct', [p instanceof Point, p.x, p.y, p.nt]);
function Other() {}
const q = Reflect.construct(Point, [3, 4], Other);
show('construct with newTarget', [q instanceof Point, q instanceof Other, q.x, q.nt]);
class Base { constructor(v) { this.v = v; this.kind = new.target.name; } }
class Derived extends Base {}
const r = Reflect.construct(Base, ['val'], Derived);
show('class with newTarget', [r instanceof Derived, r.v, r.kind]);
const arr = Reflect.construct(Array, [3]);
show('construct Array', [Array.isArray(arr), arr.length]);
const arr2 = Reflect.construct(Array, [1, 2], Derived);
show('construct Array with newTarget', [Array.isArray(arr2), arr2 instanceof Derived, arr2.length]);
show('construct Number', Reflect.construct(Number, ['5']).valueOf());
show('construct Error', (() => { const e = Reflect.construct(Error, ['msg']); return [e instanceof Error, e.message]; })());
show('construct bound', (() => { const B = Point.bind(null, 9); const o = Reflect.construct(B, [8]); return [o.x, o.y, o instanceof Point]; })());
show('construct with array-like', Reflect.construct(Point, { length: 2, 0: 'a', 1: 'b' }).y);
attempt('construct(arrow)', () => Reflect.construct(() => {}, []));
show('construct(class method) throws', (() => { try { Reflect.construct(class { m() {} }.prototype.m, []); return 'no'; } catch (e) { return e.name; } })());
attempt('construct(Math.max)', () => Reflect.construct(Math.max, []));
attempt('construct(1)', () => Reflect.construct(1, []));
attempt('construct(Point, [], 1)', () => Reflect.construct(Point, [], 1));
attempt('construct(Point, [], arrow)', () => Reflect.construct(Point, [], () => {}));
attempt('construct(Point, 1)', () => Reflect.construct(Point, 1));
attempt('construct(Point)', () => Reflect.construct(Point));
attempt('construct(async fn)', () => Reflect.construct(async function af() {}, []));
attempt('construct(generator)', () => Reflect.construct(function* g() {}, []));
attempt('construct(class, [], non-constructor) checks newTarget before args', () => Reflect.construct(Base, 1, {}));
show('class needs no new via construct', Reflect.construct(class { constructor() { this.ok = true; } }, []).ok);
show('lengths', [Reflect.apply.length, Reflect.construct.length]);
