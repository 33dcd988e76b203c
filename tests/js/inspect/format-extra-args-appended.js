// util.format: arguments beyond the placeholders are appended, objects inspected, strings raw
console.log('a', 'b', 'c');
console.log('%s', 'a', { b: 1 }, [2], 'c', 3, -0);
console.log('x', null, undefined);
console.log('label:', { deep: { er: { est: { x: 1 } } } });
console.log('label:', Symbol('z'));
console.log('', 'after empty');
console.log('num', 1, 2.5, -0, NaN);
console.log('str with %', 'x');
console.log('multi\nline', 'next');
console.log('%s', 'x', '%s');
