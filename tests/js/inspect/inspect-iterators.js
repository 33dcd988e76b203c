// builtin iterators: Object [Array Iterator] {}, [Map Iterator] { ... }, [Set Iterator] { ... }
console.log([1, 2][Symbol.iterator]());
console.log([1, 2].keys());
console.log([1, 2].entries());
console.log('str'[Symbol.iterator]());
console.log(new Map([[1, 2], [3, 4]]).keys());
console.log(new Map([[1, 2], [3, 4]]).values());
console.log(new Map([[1, 2], [3, 4]]).entries());
console.log(new Set([5, 6]).values());
console.log(new Set([5, 6]).entries());
const it = new Map([[1, 'a'], [2, 'b'], [3, 'c']]).keys();
it.next();
console.log(it);
const done = new Set([1]).values();
done.next(); done.next();
console.log(done);
console.log([new Set([1]).values()]);
