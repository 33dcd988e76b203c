// Object.seal makes an array's elements non-configurable (ECMA-262 20.1.2.20 SetIntegrityLevel):
// delete, pop, shift, splice and a shorter length cannot remove them.
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("pop", () => Object.seal([1]).pop());
show("shift", () => Object.seal([1, 2]).shift());
show("splice", () => Object.seal([1, 2]).splice(0, 1));
show("push", () => Object.seal([1]).push(2));
show("strict length", () => { "use strict"; const a = Object.seal([1, 2]); a.length = 0; });
show("sloppy length", () => { const a = Object.seal([1, 2]); a.length = 0; return a.length; });
show("sloppy length past a hole", () => { const a = Object.seal([1, 2, , ,]); a.length = 1; return a.length; });
show("strict delete", () => { "use strict"; const a = Object.seal([1, 2]); delete a[0]; });
show("sloppy delete", () => { const a = Object.seal([1, 2]); return delete a[0]; });
show("delete a hole", () => { "use strict"; const a = Object.seal([1, , 3]); return delete a[1]; });
show("frozen pop", () => Object.freeze([1, 2]).pop());
show("frozen delete", () => { "use strict"; delete Object.freeze([1])[0]; });
show("non-extensible pop", () => Object.preventExtensions([1, 2]).pop());
show("non-extensible delete", () => { const a = Object.preventExtensions([1, 2]); return delete a[0] && a.join(); });
show("sealed element still writable", () => { const a = Object.seal([1]); a[0] = 7; return a[0]; });
show("isSealed / isFrozen", () => [Object.isSealed(Object.seal([1])), Object.isFrozen(Object.seal([1])),
  Object.isSealed(Object.preventExtensions([1])), Object.isFrozen(Object.preventExtensions([])),
  Object.isFrozen(Object.freeze([1])), Object.isSealed(Object.preventExtensions([, ,]))].join());
show("descriptor", () => JSON.stringify(Object.getOwnPropertyDescriptor(Object.seal([1]), 0)));
show("sealed arguments", () => (function () { Object.seal(arguments); return delete arguments[0]; })(1));
show("arguments descriptor", () => (function () { return JSON.stringify(Object.getOwnPropertyDescriptor(arguments, 0)); })(7));
show("delete arguments element", () => (function () { delete arguments[0]; return arguments[0] + "," + arguments.length; })(7));
show("sloppy writes to a frozen array do nothing", () => { const a = Object.freeze([1]); a[0] = 2; a[5] = 3; a.length = 0; Number.EPSILON = 1; return a.join() + "|" + a.length + "|" + (Number.EPSILON === 2.220446049250313e-16); });
