// WeakMap and WeakSet: <items unknown>
console.log(new WeakMap());
console.log(new WeakSet());
const k = {};
console.log(new WeakMap([[k, 1]]));
console.log(new WeakSet([k]));
console.log({ wm: new WeakMap() });
const w = new WeakMap();
w.prop = 1;
console.log(w);
class MyWeak extends WeakMap {}
console.log(new MyWeak());
