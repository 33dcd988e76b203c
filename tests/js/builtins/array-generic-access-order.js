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

// On an array-like whose properties are accessors, each method's Get/Set/Has/Delete sequence
// is the specification's, as V8 performs it
let log = [];
function spy(values) {
  const store = Object.assign({}, values);
  const o = {};
  const keys = Object.keys(values).concat(['length']);
  for (let i = 0; i < 8; i++) if (!keys.includes(String(i))) keys.push(String(i));
  for (const k of keys) {
    Object.defineProperty(o, k, {
      get() { log.push('get ' + k); return store[k]; },
      set(v) { log.push('set ' + k + '=' + fmt(v)); store[k] = v; },
      configurable: true, enumerable: true,
    });
  }
  o.__store = store;
  Object.defineProperty(o, '__store', { enumerable: false });
  return o;
}
function trace(label, fn) {
  log = [];
  let r;
  try { r = fmt(fn()); } catch (e) { r = 'throws ' + e.name + ': ' + e.message; }
  console.log(label + ' -> ' + r);
  console.log('  ' + log.join(', '));
}
const P = Array.prototype;
const base = () => spy({ 0: 'a', 1: 'b', 2: 'c', length: 3 });
trace('map', () => P.map.call(base(), x => x + '!'));
trace('filter', () => P.filter.call(base(), x => x !== 'b'));
trace('some', () => P.some.call(base(), x => x === 'b'));
trace('every', () => P.every.call(base(), x => x !== 'b'));
trace('find', () => P.find.call(base(), x => x === 'c'));
trace('findLast', () => P.findLast.call(base(), x => x === 'a'));
trace('reduce', () => P.reduce.call(base(), (a, b) => a + b));
trace('reduceRight', () => P.reduceRight.call(base(), (a, b) => a + b));
trace('includes', () => P.includes.call(base(), 'c'));
trace('indexOf', () => P.indexOf.call(base(), 'b'));
trace('lastIndexOf', () => P.lastIndexOf.call(base(), 'b'));
trace('at', () => P.at.call(base(), -1));
trace('join', () => P.join.call(base(), '+'));
trace('slice', () => P.slice.call(base(), 1));
trace('concat', () => P.concat.call([], base()).length);
trace('entries spread', () => [...P.entries.call(base())].length);
trace('reverse', () => { const o = base(); P.reverse.call(o); return [o.__store[0], o.__store[2]]; });
trace('splice(1, 1, "x", "y")', () => P.splice.call(base(), 1, 1, 'x', 'y'));
trace('copyWithin(0, 1)', () => { P.copyWithin.call(base(), 0, 1); return 'done'; });
trace('fill("z", 1)', () => { P.fill.call(base(), 'z', 1); return 'done'; });
trace('sort', () => { const o = spy({ 0: 'c', 1: 'a', 2: 'b', length: 3 }); P.sort.call(o); return [o.__store[0], o.__store[1], o.__store[2]]; });
trace('toSorted', () => P.toSorted.call(spy({ 0: 'c', 1: 'a', 2: 'b', length: 3 })));
trace('toReversed', () => P.toReversed.call(base()));
trace('toSpliced(0, 1)', () => P.toSpliced.call(base(), 0, 1));
trace('with(1, "w")', () => P.with.call(base(), 1, 'w'));
trace('flat', () => P.flat.call(spy({ 0: ['p', 'q'], 1: 'r', length: 2 })));
trace('push("d")', () => P.push.call(base(), 'd'));
trace('pop', () => P.pop.call(base()));
trace('shift', () => P.shift.call(base()));
trace('unshift("u")', () => P.unshift.call(base(), 'u'));
trace('Array.from', () => Array.from(base()));
trace('keys spread', () => [...P.keys.call(base())]);
