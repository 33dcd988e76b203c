// process: exit and beforeExit listeners, exitCode, uncaughtException, unhandledRejection, warnings
let rounds = 0;
process.on('beforeExit', (code) => { console.log('beforeExit', code); if (rounds++ < 2) setTimeout(() => console.log('revived', rounds), 0); });
process.on('exit', (code) => { console.log('exit', code); setTimeout(() => console.log('never'), 0); });
process.on('uncaughtException', (err, origin) => console.log('uncaught', err.message, origin));
process.on('unhandledRejection', (reason, p) => { console.log('unhandled', reason); });
process.on('warning', (w) => console.log('warning', w.name));
process.emitWarning('careful');
setTimeout(() => { throw new Error('from timer'); }, 0);
Promise.reject('rejected');
process.exitCode = 3;
console.log(process.argv.length, typeof process.hrtime.bigint(), process.version.startsWith('v'), typeof process.env);
