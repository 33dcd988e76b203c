// two-space indentation of broken lines, nested levels indented further
const long = 'value that is fairly long';
console.log({ first: { a: long, b: long, c: long }, second: { d: long, e: long } });
console.log([{ a: long, b: long, c: long }, { d: long }]);
console.log({ arr: [long, long, long, long] });
console.log({ l1: { l2: { l3: [long, long, long] } } });
console.log([[long, long, long], [long]]);
console.log({ m: new Map([[long, long], [long + '!', long]]) });
console.log({ s: new Set([long, long + '1', long + '2', long + '3']) });
console.log({ p: Promise.resolve({ a: long, b: long, c: long }) });
console.log([[[long, long, long, long]]]);
const nums = [];
for (let i = 0; i < 40; i++) nums.push(i * 1000);
console.log({ deep: { nums } });
