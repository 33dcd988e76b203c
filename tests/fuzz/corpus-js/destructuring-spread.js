// destructuring, defaults, computed keys, spread, rest, optional chaining, nullish
const key = 'k';
const { a = 1, b: { c } = { c: 2 }, [key]: kk = 'dk', ...others } = { x: 1, y: 2, k: undefined };
console.log(a, c, kk, others);
function f({ p = 10, q } = {}, [r, s = r * 2] = [1], ...more) { return [p, q, r, s, more.length]; }
console.log(f(), f({ q: 3 }, [4], 5, 6), f(undefined, [undefined]));
let x, y; [x, y] = [y, x] = [1, 2]; console.log(x, y);
const o = { deep: { fn() { return this; } } };
console.log(o?.deep?.fn?.() === o.deep, o.missing?.fn(), o.missing?.[0]?.x, null ?? 'n', 0 ?? 'z', 0 || 'or');
let z = null; z ??= 5; z ||= 6; z &&= 7; console.log(z, { ...o, ...null, ...'ab' }, [...[1, 2], ...new Set([3, 3])]);
console.log(Math.max(...[1, 5, 3]), ((...args) => args.length)(...'abc'));
