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

// Which methods skip holes (HasProperty) and which read them as undefined
const sparse = [1, , 3, , 5];
const visited = name => {
  const seen = [];
  return [seen, (v, i) => { seen.push(i); return name === 'every' ? true : false; }];
};
for (const name of ['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap']) {
  const [seen, cb] = visited(name);
  const r = sparse[name](cb);
  show(name + ' visits', seen);
  if (name === 'map' || name === 'filter') show(name + ' result', r);
}
const red = [];
sparse.reduce((acc, v, i) => { red.push(i); return acc + v; });
show('reduce visits', red);
const redr = [];
sparse.reduceRight((acc, v, i) => { redr.push(i); return acc + v; }, 0);
show('reduceRight visits', redr);
show('map keeps holes', [, 'a', , 'b'].map(x => x + '!'));
show('indexOf(undefined) on holes', [, undefined].indexOf(undefined));
show('indexOf(undefined) only holes', [, ,].indexOf(undefined));
show('includes(undefined) on holes', [, ,].includes(undefined));
show('lastIndexOf(undefined) holes', [undefined, ,].lastIndexOf(undefined));
show('join holes', [1, , null, undefined, 2].join('-'));
show('String(holes)', String([, ,]));
show('keys of holes', Array.from([, 'x'].keys()));
show('values of holes', Array.from([, 'x'].values()));
show('entries of holes', Array.from([, 'x'].entries()));
show('spread holes', [...[, 'x']]);
show('concat keeps holes', [1, , 3].concat([, 5]));
show('slice keeps holes', [1, , 3, , 5].slice(1, 4));
show('splice keeps holes', [1, , 3, , 5].splice(0, 3));
show('reverse moves holes', [1, , 3, , ].reverse());
show('flat drops holes', [1, , [2, , 3]].flat());
show('fill fills holes', [, , ,].fill(0));
show('copyWithin copies holes', [1, , 3, 4, 5].copyWithin(2, 0, 2));
show('sort puts holes last', [3, , 1, undefined, 2].sort());
show('toSorted makes undefined', [3, , 1].toSorted());
show('toReversed makes undefined', [1, , 3].toReversed());
show('with makes undefined', [1, , 3].with(0, 9));
show('toSpliced makes undefined', [1, , 3].toSpliced(0, 1));
show('Array.from makes undefined', Array.from([1, , 3]));
show('at reads hole', [1, , 3].at(1));
// holes read through the prototype
Array.prototype[1] = 'proto';
show('hole reads proto', [0, , 2][1]);
show('forEach sees proto element', (() => { const seen = []; [0, , 2].forEach(v => seen.push(v)); return seen; })());
show('map sees proto element', [0, , 2].map(v => v));
show('indexOf finds proto element', [0, , 2].indexOf('proto'));
show('join sees proto element', [0, , 2].join());
show('slice copies proto element', [0, , 2].slice());
show('sort sees proto element', [2, , 0].sort());
delete Array.prototype[1];
show('after delete', [0, , 2].map(v => v));
