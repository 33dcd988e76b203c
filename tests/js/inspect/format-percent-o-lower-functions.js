// %o of functions: their hidden length, name and prototype (functions without the sloppy-mode
// arguments and caller properties)
const arrow = () => {};
console.log('%o', arrow);
console.log('%o', { method() {} });
console.log('%o', async function af(x) {});
console.log('%o', function* gen() {});
console.log('%o', arrow.bind(null));
console.log('%o', Math.max);
console.log('%o', [arrow]);
