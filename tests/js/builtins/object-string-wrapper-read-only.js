// A String object's characters and length are its own read-only, non-configurable properties
// (ECMA-262 10.4.3 String exotic objects); a string primitive's too.
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
const s = new String("ab");
s.length = 5;
s[0] = "x";
s[5] = "y";
console.log("sloppy writes:", s.length, s[0], s[5], Object.keys(s).join());
console.log("delete in sloppy code:", delete s.length, delete s[0], delete s[5], s.length, s[0]);
show("strict length", () => { "use strict"; s.length = 5; });
show("strict character", () => { "use strict"; s[1] = "z"; });
show("strict new index past the end", () => { "use strict"; s[9] = "z"; return s[9]; });
show("strict primitive length", () => { "use strict"; "ab".length = 5; });
show("strict primitive character", () => { "use strict"; "ab"[0] = "x"; });
show("strict delete of a character", () => { "use strict"; delete s[0]; });
show("strict delete of length", () => { "use strict"; delete s.length; });
show("strict delete of a primitive's character", () => { "use strict"; delete "ab"[0]; });
show("descriptors", () => JSON.stringify(Object.getOwnPropertyDescriptor(s, 1)) + JSON.stringify(Object.getOwnPropertyDescriptor(s, "length")));
show("hasOwnProperty", () => [s.hasOwnProperty(0), s.hasOwnProperty(2), s.hasOwnProperty("length"), Object.hasOwn(s, 9)].join());
show("propertyIsEnumerable", () => [s.propertyIsEnumerable(0), s.propertyIsEnumerable("length")].join());
show("Reflect.set", () => [Reflect.set(s, "length", 1), Reflect.set(s, 0, "q"), Reflect.set(s, "other", 1)].join());
