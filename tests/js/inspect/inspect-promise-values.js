// promises holding every kind of value
const values = [1, 'str', null, undefined, [1, 2], { a: { b: { c: 1 } } }, new Map([[1, 2]]), Symbol('s')];
for (const v of values) console.log(Promise.resolve(v));
const rejections = ['r', 0, { code: 1 }, null];
for (const r of rejections) {
  const p = Promise.reject(r);
  p.catch(() => {});
  console.log(p);
}
const selfRef = {};
const p = Promise.resolve(selfRef);
selfRef.p = p;
console.log(p);
console.log({ a: { b: Promise.resolve({ c: 1 }) } });
console.log([Promise.resolve([Promise.resolve(1)])]);
const long = Promise.resolve({ key1: 'a long value here', key2: 'another long value', key3: 'x' });
console.log(long);
