function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("get on object", () => Map.prototype.get.call({}, 1));
show("get on set", () => Map.prototype.get.call(new Set(), 1));
show("get on number", () => Map.prototype.get.call(1, 1));
show("get on string", () => Map.prototype.get.call("str", 1));
show("add on array", () => Set.prototype.add.call([], 1));
show("has on date", () => Set.prototype.has.call(new Date(0), 1));
show("size on object", () => Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call({}));
show("set size on map", () => Object.getOwnPropertyDescriptor(Set.prototype, "size").get.call(new Map()));
show("weakmap set on map", () => WeakMap.prototype.set.call(new Map(), {}, 1));
show("entries on weakmap", () => Map.prototype.entries.call(new WeakMap()));
show("class instance", () => { class Foo {} return Map.prototype.clear.call(new Foo()); });
show("null receiver", () => Set.prototype.values.call(null));
show("function receiver", () => Map.prototype.has.call(function named() {}, 1));
