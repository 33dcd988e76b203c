function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const cases = ["", " ", "{a}", '{"a":1,}', "[1,]", "[1 2]", '{"a" 1}', '{"a":1 "b"}', "abc", "tru", "trux", "tr1", '"abc', '"a\\x"', '"\\u12g4"', '"\\u', '"a\nb"', "-", "-a", "1e", "1.", "01", "1 2", '{"a":1}}', "[", "{", '{"a"', '{"a":', '{"a":1,"b"', '"\\', "undefined", "NaN", "Infinity", "-Infinity", "[object Object]", "'a'", "x".repeat(50), "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,x]", "[1,2,3,4,5,6,7,8,9,10,x,1,2,3,4,5,6,7,8,9,10,11,12,13,14]", "é", "[1,,2]", "{,}", '{"a",}', "{1:1}", '{"a":}', "+1", ".5", "[-]", "1e+", "\u2028 1", '"\t"', "nullx", "[1]x"];
for (const c of cases) show(JSON.stringify(c), () => JSON.parse(c));
show("error class", () => { try { JSON.parse("{"); } catch (e) { return e instanceof SyntaxError; } });
