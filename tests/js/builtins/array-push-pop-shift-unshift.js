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

// push/pop at the end, unshift/shift at the start: what they return and how length moves
const a = [1, 2];
show('push(3)', a.push(3));
show('push(4, 5)', a.push(4, 5));
show('push()', a.push());
show('after push', a);
show('pop()', a.pop());
show('after pop', a);
show('shift()', a.shift());
show('after shift', a);
show('unshift(0)', a.unshift(0));
show('unshift(-2, -1)', a.unshift(-2, -1));
show('unshift()', a.unshift());
show('after unshift', a);
show('pop on empty', [].pop());
show('shift on empty', [].shift());
show('pop on holey end', (() => { const h = [1, , ]; const r = h.pop(); return [r, h.length]; })());
show('shift moves holes', (() => { const h = [1, , 3]; h.shift(); return h; })());
show('unshift moves holes', (() => { const h = [1, , 3]; h.unshift('u'); return h; })());
show('push returns new length', [].push('a', 'b', 'c'));
// generic receivers: length is read, elements moved, length written
const o = { length: 2, 0: 'a', 1: 'b' };
show('push.call(o, "c")', Array.prototype.push.call(o, 'c'));
show('o', [o.length, o[0], o[1], o[2]]);
show('pop.call(o)', Array.prototype.pop.call(o));
show('o after pop', [o.length, 2 in o]);
show('shift.call(o)', Array.prototype.shift.call(o));
show('o after shift', [o.length, o[0], 1 in o]);
show('unshift.call(o, "z")', Array.prototype.unshift.call(o, 'z'));
show('o after unshift', [o.length, o[0], o[1]]);
const empty = {};
show('push.call({})', Array.prototype.push.call(empty, 'x'));
show('{} after push', [empty.length, empty[0]]);
const e2 = {};
show('pop.call({})', Array.prototype.pop.call(e2));
show('{} after pop', e2.length);
const e3 = { length: 'x' };
show('shift.call({length: "x"})', Array.prototype.shift.call(e3));
show('length normalized', e3.length);
const e4 = { length: -3 };
Array.prototype.unshift.call(e4);
show('unshift.call({length: -3}) length', e4.length);
const e5 = { length: 3.9, 0: 'a', 1: 'b', 2: 'c', 3: 'd' };
show('pop.call({length: 3.9})', Array.prototype.pop.call(e5));
show('e5 length', e5.length);
show('push.call(string) throws', (() => { try { Array.prototype.push.call('ab', 'c'); } catch (e) { return e.name + ': ' + e.message; } })());
show('push.call(1) on a wrapper', Array.prototype.push.call(1, 'x'));
// errors
attempt('push on frozen', () => Object.freeze([1]).push(2));
attempt('push on frozen empty', () => Object.freeze([]).push(1));
attempt('push on sealed', () => Object.seal([1]).push(2));
attempt('push on non-extensible', () => Object.preventExtensions([1]).push(2));
attempt('pop on frozen', () => Object.freeze([1]).pop());
attempt('pop on frozen empty', () => Object.freeze([]).pop());
attempt('shift on frozen', () => Object.freeze([1, 2]).shift());
attempt('unshift on frozen', () => Object.freeze([1]).unshift(0));
attempt('unshift() on frozen', () => Object.freeze([1]).unshift());
attempt('push on frozen object', () => Array.prototype.push.call(Object.freeze({ length: 0 }), 1));
attempt('push past 2**53-1', () => Array.prototype.push.call({ length: 2 ** 53 - 1 }, 1));
attempt('push 2 past 2**53-2', () => Array.prototype.push.call({ length: 2 ** 53 - 2 }, 1, 2));
show('push nothing at 2**53-1', Array.prototype.push.call({ length: 2 ** 53 - 1 }));
attempt('unshift past 2**53-1', () => Array.prototype.unshift.call({ length: 2 ** 53 - 1 }, 1));
show('pop.call({length: 2**53+10})', (() => { const big = { length: 2 ** 53 + 10 }; Array.prototype.pop.call(big); return big.length; })());
attempt('push on null', () => Array.prototype.push.call(null, 1));
attempt('pop on undefined', () => Array.prototype.pop.call(undefined));
// accesses in order
const log = [];
const spy = new Proxy_free_spy();
function Proxy_free_spy() {
  const t = { 0: 'a', 1: 'b', 2: 'c' };
  const s = {};
  Object.defineProperty(s, 'length', { get() { log.push('get length'); return t.length ?? 3; }, set(v) { log.push('set length ' + v); t.length = v; } });
  for (const k of ['0', '1', '2', '3']) Object.defineProperty(s, k, {
    get() { log.push('get ' + k); return t[k]; },
    set(v) { log.push('set ' + k + ' ' + v); t[k] = v; },
    configurable: true,
  });
  return s;
}
Array.prototype.shift.call(spy);
show('shift log', log);
log.length = 0;
Array.prototype.unshift.call(spy, 'u');
show('unshift log', log);
log.length = 0;
Array.prototype.pop.call(spy);
show('pop log', log);
log.length = 0;
Array.prototype.push.call(spy, 'p');
show('push log', log);
show('lengths', [Array.prototype.push.length, Array.prototype.pop.length, Array.prototype.shift.length, Array.prototype.unshift.length]);
