"use strict";
// A frozen array's elements are read-only and it takes no new ones; a non-extensible array takes
// no new elements (holes included).  Strict code gets V8's TypeErrors (ECMA-262 10.1.9.2).
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("frozen element", () => { Object.freeze([1])[0] = 2; });
show("frozen element by a computed key", () => { const a = Object.freeze([1]); const k = "0"; a[k] = 2; });
show("frozen new element", () => { Object.freeze([1])[3] = 2; });
show("frozen length", () => { Object.freeze([1]).length = 0; });
show("frozen push", () => { Object.freeze([1]).push(2); });
show("non-extensible new element", () => { Object.preventExtensions([1])[1] = 2; });
show("non-extensible hole", () => { const a = [1, , 3]; Object.preventExtensions(a); a[1] = 2; });
show("non-extensible existing element", () => { const a = Object.preventExtensions([1]); a[0] = 5; return a[0]; });
show("sealed existing element", () => { const a = Object.seal([1]); a[0] = 5; return a[0]; });
show("sealed new element", () => { const a = Object.seal([1]); a[1] = 5; });
show("frozen arguments element", () => (function () { Object.freeze(arguments); arguments[0] = 9; })(1));
show("arguments element write", () => (function (a) { arguments[0] = 5; return arguments[0] + "," + a; })(1));
show("arguments new index", () => (function (a) { arguments[3] = 5; return arguments[3] + "," + arguments.length; })(1));
show("Reflect.set on a frozen array", () => Reflect.set(Object.freeze([1]), 0, 2));
show("Object.assign onto a frozen array", () => Object.assign(Object.freeze([1]), [7]));
