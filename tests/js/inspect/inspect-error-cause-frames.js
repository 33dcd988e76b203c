// frames shared with the cause's stack are replaced by "... N lines matching cause stack trace ..."
const shared = '\n    at a (/x.js:1:1)\n    at b (/x.js:2:2)\n    at c (/x.js:3:3)\n    at d (/x.js:4:4)\n    at e (/x.js:5:5)';
const cause = new Error('cause');
cause.stack = 'Error: cause\n    at inner (/x.js:9:9)' + shared;
const err = new Error('outer', { cause });
err.stack = 'Error: outer\n    at outer (/x.js:8:8)' + shared;
console.log(err);
const short = new Error('short', { cause });
short.stack = 'Error: short\n    at a (/x.js:1:1)\n    at b (/x.js:2:2)\n    at c (/x.js:3:3)';
console.log(short);
console.log({ nested: err });
