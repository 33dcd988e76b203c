// util.format %c consumes an argument and prints nothing; %% is a percent sign; others stay
console.log('%cstyled', 'color: red');
console.log('a%cb%cc', 'x', 'y');
console.log('100%%', 1);
console.log('100%%');
console.log('%%s', 'x');
console.log('%x %s', 'y');
console.log('%', 1);
console.log('trailing %');
console.log('%s %s', 'one');
console.log('%s', 'a', 'b', 'c');
console.log('%%%s%%', 'mid');
console.log('%5d', 3);
console.log('%', '%');
console.log('%s%', 'x');
console.log('no args %s');
