// groupArrayElements: more than 6 entries are grouped in aligned columns
console.log([1, 2, 3, 4, 5, 6]);
console.log([1, 2, 3, 4, 5, 6, 7]);
const nums = [];
for (let i = 0; i < 30; i++) nums.push(i * 7);
console.log(nums);
const big = [];
for (let i = 0; i < 26; i++) big.push(i * i * i);
console.log(big);
const hundred = [];
for (let i = 0; i < 100; i++) hundred.push(i);
console.log(hundred);
console.log([1, 22, 333, 4444, 55555, 666666, 7777777, 88888888]);
console.log([-1, -22, 3.5, 0.001, 100, 2e10, -0, 8]);
console.log({ list: nums });
console.log([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11, 12]]);
const floats = [];
for (let i = 0; i < 12; i++) floats.push(i / 3);
console.log(floats);
