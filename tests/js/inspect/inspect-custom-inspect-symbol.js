// [util.inspect.custom](depth, options, inspect): its result printed instead
const custom = Symbol.for('nodejs.util.inspect.custom');
const a = { [custom]() { return 'CUSTOM A'; } };
console.log(a);
console.log([a]);
console.log({ nested: a });
const b = { [custom]() { return { replaced: true }; } };
console.log(b);
const c = { [custom](depth) { return 'depth=' + depth; } };
console.log(c, [c], { x: { y: c } });
const d = { [custom]() { return 'line1\nline2'; } };
console.log({ key: d });
const e = { [custom]() { return this; }, v: 1 };
console.log(e);
class Money { constructor(n) { this.n = n; } [custom]() { return `Money<${this.n}>`; } }
console.log(new Money(5), [new Money(6)]);
const f = { [custom]: 'not a function', g: 1 };
console.log(f);
const opts = { [custom](depth, options) { return typeof options + ' ' + options.depth + ' ' + options.breakLength; } };
console.log(opts);
