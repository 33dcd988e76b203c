// Date: toISOString; invalid dates: Invalid Date
console.log(new Date(0));
console.log(new Date(86400000 * 365.25 * 30 + 123));
console.log([new Date(1e12)]);
console.log({ when: new Date(-1) });
console.log(new Date(NaN));
console.log({ bad: new Date(NaN) });
const d = new Date(0);
d.note = 'with prop';
console.log(d);
class MyDate extends Date {}
console.log(new MyDate(0));
console.log(new Date(8.64e15));
console.log(new Date(-8.64e15));
