// error subclasses and errors whose constructor or prototype changed
class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}
const h = new HttpError(404, 'not found');
h.stack = 'Error: not found\n    at handler (/h.js:1:1)';
console.log(h);
class NamedHttp extends Error { constructor(m) { super(m); this.name = 'NamedHttp'; } }
const n = new NamedHttp('named');
n.stack = 'NamedHttp: named\n    at x (/x.js:1:1)';
console.log(n);
class Wrapped extends TypeError {}
const w = new Wrapped('wrapped');
delete w.stack;
console.log(w);
const nullProto = new Error('null proto');
nullProto.stack = 'Error: null proto\n    at y (/y.js:1:1)';
Object.setPrototypeOf(nullProto, null);
console.log(nullProto);
const tagged = new Error('tagged');
tagged.stack = 'Error: tagged';
Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Tag' });
console.log(tagged);
const bare = new Error('bare');
bare.stack = 'just text, no name';
Object.setPrototypeOf(bare, null);
console.log(bare);
console.log([h, n]);
