function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("startsWith", () => "hello".startsWith("he"));
show("startsWith pos", () => "hello".startsWith("ll", 2));
show("startsWith neg pos", () => "hello".startsWith("he", -5));
show("startsWith past", () => "hello".startsWith("", 99));
show("endsWith", () => "hello".endsWith("lo"));
show("endsWith end", () => "hello".endsWith("hel", 3));
show("endsWith end 0", () => "hello".endsWith("", 0));
show("endsWith too long", () => "lo".endsWith("hello"));
show("startsWith number", () => "123".startsWith(12));
show("startsWith undefined", () => "undefined!".startsWith());
show("startsWith regexp", () => "abc".startsWith(/a/));
show("endsWith regexp", () => "abc".endsWith(/c/));
show("includes regexp", () => "abc".includes(/b/));
