// regular expressions: named groups, lookbehind, sticky, unicode property escapes, d flag, matchAll
const re = /(?<year>\d{4})-(?<month>\d{2})/gd;
const text = '2024-01 and 2025-12';
for (const m of text.matchAll(re)) console.log(m.index, m.groups.year, m.indices.groups.month);
console.log('aBc'.replace(/(?<=a)b/i, 'X'), /^\p{Lu}/u.test('Écrit'), /(?<!\$)\d+/.exec('$5 7')[0]);
const sticky = /foo/y; sticky.lastIndex = 3; console.log(sticky.test('barfoo'), sticky.lastIndex);
console.log('a.b*c'.split(/[.*]/), /(a)|(b)/.exec('b'), /\bword\b/.test('a word'), 'aaa'.match(/a*?/)[0].length);
console.log(/[\p{L}--[a-z]]/v.test('A'), new RegExp('x+', 'gi').flags, RegExp.prototype.toString.call(/a\/b/));
try { new RegExp('('); } catch (e) { console.log(e.name, e.message); }
console.log('x'.replace(/x/, '$$-$&-$`'), /(a+)+b/.test('aaaaaaaaaaaaaaaaaac'));
