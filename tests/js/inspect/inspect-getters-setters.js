// accessor properties: [Getter], [Setter], [Getter/Setter]; getters are not called
let calls = 0;
const o = {
  get g() { calls++; return 1; },
  set s(v) {},
  get gs() { return 2; },
  set gs(v) {},
  plain: 3,
};
console.log(o);
console.log('getter calls:', calls);
class C { get proto() { return 1; } }
console.log(new C());
const d = {};
Object.defineProperty(d, 'hiddenGetter', { get() { return 1; }, enumerable: false });
Object.defineProperty(d, 'shownGetter', { get() { return 1; }, enumerable: true });
console.log(d);
console.log([o]);
console.log({ nested: { get deep() { return 1; } } });
const arr = [1];
Object.defineProperty(arr, 'g', { get() { return 1; }, enumerable: true });
console.log(arr);
