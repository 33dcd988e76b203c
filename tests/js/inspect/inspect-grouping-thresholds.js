// groupArrayElements' thresholds: entries of very different widths are not grouped
console.log([1, 2, 3, 4, 5, 6, 'a string much longer than the others']);
console.log(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'a much longer entry']);
console.log(['1234567', '1234567', '1234567', '1234567', '1234567', '1234567', '1234567']);
console.log(['12345678901234567890123', 'b', 'c', 'd', 'e', 'f', 'g']);
const wide = [];
for (let i = 0; i < 7; i++) wide.push('w'.repeat(24));
console.log(wide);
const narrow = [];
for (let i = 0; i < 50; i++) narrow.push(i % 2 ? 'ab' : 'abcdef');
console.log(narrow);
const nested = [];
for (let i = 0; i < 8; i++) nested.push([i]);
console.log(nested);
console.log([-1.5, 2.25, -3.125, 4, -5, 6.5, -7.75, 8]);
