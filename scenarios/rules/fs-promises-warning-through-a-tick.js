// Rule: on Node 10.0-10.16 and 11.0-11.13 the first read of fs.promises emits an
// ExperimentalWarning, through process.nextTick: the 'warning' listener runs after the ticks
// queued before that read and before those queued after it; later reads do not warn again.
// Source: lib/fs.js @v10.7.0 (the promises getter: `if (promisesWarn) { promisesWarn = false;
// process.emitWarning('The fs.promises API is experimental', 'ExperimentalWarning'); }`);
// lib/internal/process/warning.js emitWarning (process.nextTick(doEmitWarning, warning)).
const fs = require('fs');
process.on('warning', (w) => console.log('warning:', w.name, w.message));
process.nextTick(() => console.log('tick before'));
const first = fs.promises;
process.nextTick(() => console.log('tick after'));
console.log('same object', first === fs.promises, typeof first.readFile);
