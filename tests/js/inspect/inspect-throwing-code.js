// code that throws while printing: console.log throws what it threw
function attempt(label, fn) {
  try { fn(); } catch (e) { console.log(label, 'threw', e instanceof Error ? e.message : e); }
}
class BadTag { get [Symbol.toStringTag]() { throw new Error('tag getter'); } }
attempt('tag', () => console.log(new BadTag()));
const custom = Symbol.for('nodejs.util.inspect.custom');
attempt('custom', () => console.log({ [custom]() { throw new Error('custom inspector'); } }));
attempt('toJSON', () => console.log('%j', { toJSON() { throw new Error('toJSON'); } }));
attempt('toString', () => console.log('%s', { toString() { throw new Error('toString'); } }));
attempt('valueOf', () => console.log('%d', { valueOf() { throw new Error('valueOf'); } }));
attempt('string', () => console.log('%i', { toString() { throw 'a string'; } }));
console.log('still running');
attempt('getter not called', () => console.log({ get g() { throw new Error('never'); } }));
