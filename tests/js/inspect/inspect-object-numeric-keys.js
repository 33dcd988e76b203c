// objects whose keys are numbers: integer keys first, ascending, quoted
console.log({ 2: 'b', 1: 'a', x: 'x', 0: 'zero' });
console.log({ 10: 1, 9: 2, '-1': 3, '1.5': 4, '01': 5 });
console.log({ 4294967295: 'max', 4294967294: 'below' });
console.log({ 1: { 2: { 3: {} } } });
const o = { b: 1 };
o[5] = 5;
o.a = 2;
o[3] = 3;
console.log(o);
