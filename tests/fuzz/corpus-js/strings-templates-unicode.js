// templates, tagged templates, raw strings, unicode escapes, surrogate pairs, string methods
const tag = (s, ...v) => s.raw.join('|') + ' ' + v.join(',') + ' ' + s.length;
const n = 42;
console.log(tag`a${n}b${n + 1}\n`, `multi
line ${`nested ${n}`}`, String.raw`\u{41}\x${1}`);
const s = 'I\u00f1t\u{1F600}rn\xe2t';
console.log(s.length, [...s].length, s.codePointAt(4), s.at(-1), s.normalize('NFD').length);
console.log('a,b,,c'.split(','), 'abc'.padStart(6, '12'), '  x '.trim() + '|', 'ab'.repeat(3));
console.log('Hello'.replace(/l/g, (m, i) => i), 'x'.localeCompare('y'), 'ß'.toUpperCase(), 'İ'.toLowerCase().length);
console.log(JSON.stringify('\u2028\ud800'), encodeURIComponent('é &'), escape('é'), '\0'.length);
