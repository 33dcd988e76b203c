// strings near the 16-character and line-length limits for splitting
console.log({ k: 'sixteen chars\nxx' });
console.log({ k: 'seventeen chars\nx' });
for (let n = 70; n <= 80; n++) console.log({ k: 'a'.repeat(n - 10) + '\n' + 'b'.repeat(9) });
console.log([['a\nb'.repeat(30)]]);
console.log({ a: { b: { c: 'line one of a deep string\nline two of the same deep string' } } });
console.log(['a\n'.repeat(3)]);
console.log({ key: '\n'.repeat(20) });
