function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("spread", () => [..."a😀b"].length);
show("for-of", () => { const out = []; for (const c of "x😀") out.push(c.length); return out.join(","); });
show("lone surrogate", () => [..."\ud800a"].length);
show("Array.from", () => Array.from("héllo").join("-"));
show("iterator tag", () => Object.prototype.toString.call(""[Symbol.iterator]()));
show("String ctor", () => String(123) + String(null) + String(undefined) + String(true) + String([1, 2]));
show("String symbol", () => String(Symbol("desc")));
show("new String", () => typeof new String("a") + " " + new String("abc").length + " " + new String("abc")[1]);
show("new String symbol", () => new String(Symbol("x")));
