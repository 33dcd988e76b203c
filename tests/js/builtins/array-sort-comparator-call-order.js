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

// The comparator is called exactly as V8's TimSort calls it: binary insertion sort below 64
// elements, natural runs, merges with galloping above.  Small sorts print every call; large
// ones a checksum of the call sequence.
let seed = 7;
function rand(n) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; }
function logged(a, cmp) {
  const calls = [];
  a.sort((x, y) => { calls.push(x + ':' + y); return cmp(x, y); });
  return calls;
}
const asc = (x, y) => x - y;
show('[2,1]', logged([2, 1], asc));
show('[1,2]', logged([1, 2], asc));
show('[3,1,2]', logged([3, 1, 2], asc));
show('[1,2,3,4,5]', logged([1, 2, 3, 4, 5], asc));
show('[5,4,3,2,1]', logged([5, 4, 3, 2, 1], asc));
show('[2,2,1,1]', logged([2, 2, 1, 1], asc));
show('[4,1,3,5,2,6]', logged([4, 1, 3, 5, 2, 6], asc));
show('[1,3,2,5,4,7,6]', logged([1, 3, 2, 5, 4, 7, 6], asc));
show('desc cmp [1,2,3,4]', logged([1, 2, 3, 4], (x, y) => y - x));
show('strings default', (() => { const calls = []; const mk = s => ({ toString() { calls.push(s); return s; } }); [mk('c'), mk('a'), mk('b')].sort(); return calls; })());
function checksum(calls) {
  let h = 0;
  for (const c of calls) for (let i = 0; i < c.length; i++) h = (Math.imul(h, 31) + c.charCodeAt(i)) | 0;
  return h;
}
function run(label, a, cmp) {
  const calls = logged(a, cmp);
  show(label, [a.length, calls.length, checksum(calls), a.slice(0, 8).join(' ')]);
}
for (const n of [8, 16, 31, 32, 33, 63, 64, 65, 100, 128, 129, 200, 257, 500, 1000]) {
  const a = [];
  for (let i = 0; i < n; i++) a.push(rand(n));
  run('random ' + n, a, asc);
}
for (const n of [64, 100, 300]) {
  const a = [];
  for (let i = 0; i < n; i++) a.push(i);
  run('sorted ' + n, a.slice(), asc);
  run('reversed ' + n, a.slice().reverse(), asc);
  const saw = [];
  for (let i = 0; i < n; i++) saw.push(i % 17);
  run('sawtooth ' + n, saw, asc);
  const few = [];
  for (let i = 0; i < n; i++) few.push(rand(3));
  run('three values ' + n, few, asc);
}
// runs that make galloping pay: long ascending blocks interleaved
const blocks = [];
for (let b = 0; b < 6; b++) for (let i = 0; i < 80; i++) blocks.push(b % 2 ? i * 2 : 1000 + i);
run('blocks 480', blocks, asc);
const halves = [];
for (let i = 0; i < 150; i++) halves.push(i * 3);
for (let i = 0; i < 150; i++) halves.push(i * 3 + 1);
run('two interleaved halves', halves, asc);
const skew = [];
for (let i = 0; i < 300; i++) skew.push(i < 280 ? i : rand(300));
run('mostly sorted', skew, asc);
// objects with equal keys keep their order through merges
const objs = [];
for (let i = 0; i < 400; i++) objs.push({ k: rand(7), i });
const calls = [];
objs.sort((x, y) => { calls.push(x.i); return x.k - y.k; });
let ok = true;
for (let i = 1; i < objs.length; i++) if (objs[i - 1].k === objs[i].k && objs[i - 1].i > objs[i].i) ok = false;
show('400 objects stable', ok);
show('400 objects calls', [calls.length, checksum(calls.map(String))]);
// an inconsistent comparator does not break anything
const chaos = [];
for (let i = 0; i < 150; i++) chaos.push(i);
let flip = 0;
chaos.sort(() => (flip++ % 3) - 1);
show('chaos keeps the elements', chaos.slice().sort((a, b) => a - b).every((v, i) => v === i));
show('chaos order checksum', checksum([chaos.join(',')]));
// toSorted calls the comparator the same way
const ts = [];
for (let i = 0; i < 90; i++) ts.push(rand(90));
const tsCalls = [];
const tsOut = ts.toSorted((x, y) => { tsCalls.push(x + ':' + y); return x - y; });
const sCalls = logged(ts.slice(), asc);
show('toSorted same calls as sort', checksum(tsCalls) === checksum(sCalls));
show('toSorted first', tsOut.slice(0, 5));
