// assorted plain objects: empty values, nested empties, mixed types
console.log({});
console.log([]);
console.log([[]]);
console.log([{}]);
console.log({ a: {} });
console.log({ a: [] });
console.log({ a: [{}], b: [[]] });
console.log({ a: undefined, b: null, c: NaN, d: '', e: 0, f: false });
console.log({ fn() {}, arrow: () => {}, async am() {} });
console.log({ date: new Date(0), re: /x/, err: (() => { const e = new Error('e'); delete e.stack; return e; })() });
console.log({ nested: { array: [1, { deep: [2, { deeper: [3] }] }] } });
console.log([1, 'a', null, undefined, true, {}, [], () => {}]);
console.log({ 'quoted key': { 'another one': { 'and-more': 1 } } });
console.log({ a: 1 }, { b: 2 });
console.log();
