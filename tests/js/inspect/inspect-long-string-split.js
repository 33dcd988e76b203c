// long strings inside objects: split at newlines when longer than 16 chars and the line
const line = 'abcdefghij';
console.log({ short: 'x\ny' });
console.log({ s: 'first line\nsecond line\nthird line that is long enough to break the limit of eighty' });
console.log(['a long string without any newline characters at all, longer than eighty columns in total']);
console.log({ text: line.repeat(9) });
console.log({ text: (line + '\n').repeat(9) });
console.log([['nested', 'line one\nline two\nline three, nested in arrays, long enough to wrap past eighty']]);
console.log({ a: { b: { c: 'deep\nstring\nwith newlines that goes on and on and on and on and on and on' } } });
console.log(['exactly\n']);
console.log(['ends with newline and is really long so that it must be split over lines\n']);
console.log('top level\nstrings are printed raw');
console.log({ k: '0123456789012345\n0123456789012345678901234567890123456789012345678901234567890123' });
