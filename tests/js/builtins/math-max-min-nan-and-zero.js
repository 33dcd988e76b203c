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

// Math.max/min: every argument converted first, NaN wins, -0 < +0, no arguments gives -Infinity/Infinity
show('max()', Math.max());
show('min()', Math.min());
show('max(1, 3, 2)', Math.max(1, 3, 2));
show('min(1, 3, 2)', Math.min(1, 3, 2));
show('max(NaN, 1)', Math.max(NaN, 1));
show('max(1, NaN)', Math.max(1, NaN));
show('min(NaN, -Infinity)', Math.min(NaN, -Infinity));
show('max(0, -0)', Math.max(0, -0));
show('max(-0, 0)', Math.max(-0, 0));
show('min(0, -0)', Math.min(0, -0));
show('min(-0, 0)', Math.min(-0, 0));
show('max(-0, -0)', Math.max(-0, -0));
show('min(0, 0)', Math.min(0, 0));
show('max(-Infinity)', Math.max(-Infinity));
show('max("10", "9")', Math.max('10', '9'));
show('max(null, -1)', Math.max(null, -1));
show('max(undefined)', Math.max(undefined));
show('min([])', Math.min([]));
show('min([1, 2])', Math.min([1, 2]));
show('max(true, false)', Math.max(true, false));
show('max(...array)', Math.max(...[4, 9, 2]));
show('max.apply', Math.max.apply(null, [4, 9, 2]));
show('min of 1000', Math.min(...Array.from({ length: 1000 }, (v, i) => 1000 - i)));
const log = [];
const tracked = (name, v) => ({ valueOf() { log.push(name); return v; } });
show('max converts all', Math.max(tracked('a', NaN), tracked('b', 1), tracked('c', 2)));
show('log', log);
log.length = 0;
attempt('max stops at a throwing conversion', () => Math.max(tracked('a', 1), { valueOf() { throw new Error('b throws'); } }, tracked('c', 3)));
show('log', log);
attempt('max(Symbol())', () => Math.max(1, Symbol()));
show('lengths', [Math.max.length, Math.min.length]);
