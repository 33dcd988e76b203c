function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("split", () => JSON.stringify("a,b,,c".split(",")));
show("split limit", () => JSON.stringify("a,b,c".split(",", 2)));
show("split limit 0", () => JSON.stringify("a,b".split(",", 0)));
show("split no separator", () => JSON.stringify("abc".split()));
show("split empty separator", () => JSON.stringify("abc".split("")));
show("split empty string", () => JSON.stringify("".split(",")) + JSON.stringify("".split("")));
show("split multi-char", () => JSON.stringify("a<>b<>c".split("<>")));
show("split at ends", () => JSON.stringify(",a,".split(",")));
show("split limit -1", () => JSON.stringify("a b c".split(" ", -1)));
show("split undefined limit", () => JSON.stringify("a b".split(" ", undefined)));
show("split number", () => JSON.stringify("1020".split(0)));
show("split pairs", () => JSON.stringify("a😀b".split("")).length);
