function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("object", () => { const o = JSON.parse('{"a":1,"b":[true,false,null],"c":{"d":"e"}}'); return [o.a, o.b.length, o.b[2], o.c.d].join(); });
show("numbers", () => JSON.parse("[0, -0, 1.5, -2e3, 1E-2, 123456789012345678901]").map(String).join());
show("negative zero", () => Object.is(JSON.parse("-0"), -0));
show("big exponent", () => JSON.parse("1e400") + " " + JSON.parse("-1e-400"));
show("strings", () => JSON.parse('"\\u0041\\n\\t\\"\\\\\\/"'));
show("surrogate escapes", () => JSON.parse('"\\ud83d\\ude00"') === "😀");
show("lone surrogate escape", () => JSON.parse('"\\ud800"').length);
show("whitespace", () => JSON.parse(" \t\r\n[ 1 , 2 ] \n"));
show("primitives", () => [JSON.parse("true"), JSON.parse("null"), JSON.parse('"s"'), JSON.parse("7")].join());
show("coerces argument", () => JSON.parse(12) + JSON.parse(null) + " " + JSON.parse(true));
show("array proto", () => Array.isArray(JSON.parse("[]")) + " " + (Object.getPrototypeOf(JSON.parse("{}")) === Object.prototype));
show("deep", () => JSON.stringify(JSON.parse("[[[[[[[[[[1]]]]]]]]]]")));
show("unicode text", () => JSON.parse('"héllo 😀"').length);
show("round trip", () => { const v = { s: "x\u2028y", n: [1.25, -3], o: { "": null } }; return JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v); });
