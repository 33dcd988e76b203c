// AggregateError (Node 15+): its errors listed as [errors] after the stack; an own `errors`
// array of any error too
if (typeof AggregateError === 'function') {
  const a = new AggregateError([new Error('one'), 'two'], 'many');
  a.stack = 'AggregateError: many\n    at f (/f.js:1:1)';
  a.errors[0].stack = 'Error: one\n    at g (/g.js:2:2)';
  console.log(a);
  const b = new AggregateError([], 'none');
  delete b.stack;
  console.log(b);
  console.log({ agg: b });
}
const c = new Error('fake errors');
delete c.stack;
c.errors = [1, 2];
console.log(c);
const d = new Error('not an array');
delete d.stack;
d.errors = 'x';
console.log(d);
const e = new Error('hidden errors');
delete e.stack;
Object.defineProperty(e, 'errors', { value: [3], enumerable: false });
console.log(e);
const f = Object.create(e);
console.log(Object.keys(f).length);
