// NUL characters: written raw at the top level, escaped inside objects
console.log('a\0b');
console.log(['a\0b']);
console.log('%s|%s', 'x\0y', '\0');
console.log({ 'k\0': '\0v' });
console.log('\0', 1, '\0');
console.log(Symbol('s\0'));
