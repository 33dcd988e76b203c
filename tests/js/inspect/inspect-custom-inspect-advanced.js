// custom inspectors: nested results, the inspect argument, multi-line results inside objects
const custom = Symbol.for('nodejs.util.inspect.custom');
const multi = { [custom]() { return 'first\nsecond\nthird'; } };
console.log([multi]);
console.log({ a: { b: multi } });
console.log([[multi, multi]]);
const returnsArray = { [custom]() { return [1, 2, { three: 3 }]; } };
console.log({ r: returnsArray });
const returnsNested = { [custom]() { return { inner: returnsArray }; } };
console.log(returnsNested);
const usesInspect = {
  x: { deep: { deeper: { deepest: 1 } } },
  [custom](depth, options, inspect) {
    if (typeof inspect !== 'function') return 'no inspect argument';
    return 'Wrapped(' + inspect(this.x, options) + ')';
  },
};
console.log(usesInspect);
const depthAware = { [custom](depth) { return depth < 1 ? '[too deep]' : 'depth ' + depth; } };
console.log({ a: depthAware, b: { c: depthAware, d: { e: depthAware } } });
class Temp { constructor(c) { this.c = c; } [custom]() { return `${this.c}°C`; } }
console.log([new Temp(20), new Temp(25)]);
console.log(new Map([['t', new Temp(1)]]));
const onProto = Object.create({ [custom]() { return 'from prototype'; } });
console.log(onProto);
const protoItself = { [custom]() { return 'never'; } };
protoItself.constructor = { prototype: protoItself };
console.log(protoItself);
const returnsUndefined = { [custom]() { return undefined; } };
console.log(returnsUndefined, [returnsUndefined]);
const returnsNumber = { [custom]() { return 42; } };
console.log(returnsNumber);
