function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("matchAll", () => [..."a1b2c3".matchAll(/[a-z](\d)/g)].map(m => m[0] + ":" + m[1] + "@" + m.index).join(" "));
show("matchAll string", () => [..."a.b.c".matchAll(".")].length);
show("matchAll non-global", () => "abc".matchAll(/b/));
show("matchAll empty matches", () => [..."ab".matchAll(/x*/g)].map(m => m.index).join(","));
show("iterator tag", () => Object.prototype.toString.call("a".matchAll(/a/g)));
show("iterator next", () => { const it = "ab".matchAll(/./g); return it.next().value[0] + it.next().value[0] + it.next().done; });
show("does not move lastIndex", () => { const r = /a/g; r.lastIndex = 1; [..."aaa".matchAll(r)]; return r.lastIndex; });
show("starts at lastIndex", () => { const r = /a/g; r.lastIndex = 1; return [..."aaa".matchAll(r)].length; });
show("iterator is iterable", () => { const it = "a".matchAll(/a/g); return it[Symbol.iterator]() === it; });
