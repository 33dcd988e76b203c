// util.format %j: JSON.stringify
console.log('%j', { a: 1, b: 'two', c: [1, 2] });
console.log('%j', 'str');
console.log('%j', 5);
console.log('%j', null);
console.log('%j', undefined);
console.log('%j', [undefined, function () {}]);
console.log('%j', { toJSON() { return 'from toJSON'; } });
console.log('%j and %j', [1], { x: [] });
console.log('json: %j', { nested: { deep: { deeper: true } } });
