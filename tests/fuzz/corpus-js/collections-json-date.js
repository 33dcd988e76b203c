// Map, Set, WeakMap, WeakRef; JSON with replacer/reviver/indent; Date arithmetic on the virtual clock
const m = new Map([[1, 'a'], ['1', 'b'], [NaN, 'nan']]);
m.delete(1); m.set(1, 'again');
console.log([...m], m.get(NaN), new Set('hello').size, [...new Set([3, 1, 3])]);
const wm = new WeakMap(); const k = {}; wm.set(k, 1); console.log(wm.get(k), wm.has({}), new WeakRef(k).deref() === k);
const json = JSON.stringify({ a: [1, { b: 2 }], d: new Date(0), u: undefined, f() {}, n: NaN, big: { toJSON() { return 'tj'; } } }, null, 2);
console.log(json, JSON.parse(json, (key, v) => typeof v === 'number' ? v * 10 : v));
console.log(JSON.stringify([new Map(), Symbol('x'), -0, 1e21]), JSON.stringify('\ud83d'), JSON.stringify({ a: 1, b: 2 }, ['b']));
try { JSON.parse('{bad'); } catch (e) { console.log(e.name, e.message); }
const d = new Date(2020, 1, 29, 12); d.setMonth(12);
console.log(d.toISOString(), Date.UTC(2000, 0), new Date('2020-01-01T00:00:00Z').getTime(), Date.now(), new Date(NaN).getTime());
