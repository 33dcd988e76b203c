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

// flat(depth) and flatMap(fn): one level by default, holes dropped, only arrays are spread
const nested = [1, [2, [3, [4, [5]]]], 6];
for (const d of [undefined, 0, 1, 2, 3, Infinity, -1, -Infinity, NaN, '2', 1.9, null, true]) show('flat(' + fmt(d) + ')', nested.flat(d));
show('flat()', [[1], [[2]], 3].flat());
show('flat holes', [1, , [2, , 3], [, ,]].flat());
show('flat strings stay', ['ab', ['cd']].flat());
show('flat array-likes stay', [{ length: 1, 0: 'x' }].flat().length);
show('flat empty', [[], [[]], [[], []]].flat(2));
show('flat.call(array-like)', Array.prototype.flat.call({ length: 2, 0: [1, 2], 1: 3 }));
const deep = [];
let cur = deep;
for (let i = 0; i < 50; i++) { const next = [i]; cur.push(next); cur = next; }
show('flat(Infinity) 50 deep', deep.flat(Infinity).length);
show('flatMap', [1, 2, 3].flatMap(x => [x, x * 10]));
show('flatMap one level only', [1, 2].flatMap(x => [[x]]));
show('flatMap non-array results', [1, 2].flatMap(x => x % 2 ? x : [x, x]));
show('flatMap empty results drop', [1, 2, 3].flatMap(x => x === 2 ? [] : [x]));
show('flatMap arguments', ['a', 'b'].flatMap(function (v, i, arr) { return [v + i + arr.length + this.s]; }, { s: '!' }));
show('flatMap holes skipped', [1, , 3].flatMap(x => [x]));
show('flatMap string split', ['it is', 'fine'].flatMap(s => s.split(' ')));
attempt('flatMap(undefined)', () => [1].flatMap());
attempt('flatMap({})', () => [1].flatMap({}));
attempt('flat on null', () => Array.prototype.flat.call(null));
attempt('flatMap on undefined', () => Array.prototype.flatMap.call(undefined, x => x));
const cyc = [1];
cyc.push(cyc);
show('flat(1) of a cycle', cyc.flat().length);
attempt('flat(Infinity) of a cycle', () => cyc.flat(Infinity));
// depth converted after length; the species array made after
const log = [];
const spy = { get length() { log.push('length'); return 0; } };
Array.prototype.flat.call(spy, { valueOf() { log.push('depth'); return 1; } });
show('order', log);
show('lengths', [Array.prototype.flat.length, Array.prototype.flatMap.length]);
