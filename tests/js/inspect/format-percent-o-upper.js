// util.format %O: util.inspect with the default options
console.log('%O', { a: 1, b: { c: { d: { e: 1 } } } });
console.log('%O', [1, 'two', [3]]);
console.log('%O', 'str');
console.log('%O', 5);
console.log('%O and %O', null, undefined);
console.log('obj: %O!', { x: 'y' });
