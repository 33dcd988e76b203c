function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
for (const C of [Map, Set, WeakMap, WeakSet]) {
  console.log(C.name, C.length, Object.getOwnPropertyNames(C.prototype).join());
  console.log("  ", Object.getOwnPropertyNames(C.prototype).filter(n => n !== "constructor" && n !== "size").map(n => n + "/" + C.prototype[n].length + "/" + C.prototype[n].name).join(" "));
  console.log("  ", C.prototype[Symbol.toStringTag], typeof C.prototype[Symbol.iterator]);
}
console.log(Map.prototype[Symbol.iterator] === Map.prototype.entries, Map.prototype.entries.name);
console.log(Object.getOwnPropertyDescriptor(Map.prototype, "size").get.name, Object.getOwnPropertyDescriptor(Set.prototype, "size").get.name);
console.log(Map[Symbol.species] === Map, Set[Symbol.species] === Set, WeakMap[Symbol.species]);
console.log(Object.getOwnPropertyNames(Map).join(), Object.getOwnPropertyNames(WeakSet).join());
class MyMap extends Map { constructor(it) { super(it); this.tag = "mine"; } }
const mm = new MyMap([[1, 2]]);
console.log(mm instanceof Map, mm.get(1), mm.tag, mm.size, Object.prototype.toString.call(mm));
