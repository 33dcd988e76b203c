// util.format %d %i %f of a symbol: NaN (Node 12+); Node 10 throws converting it
console.log('%f', Symbol('s'));
console.log('%i', Symbol('s'));
console.log('%d', Symbol('s'));
