// Rule: a throw from an 'uncaughtException' listener ends the process at once with exit code 7:
// Node prints that error's report, no 'exit' event is emitted, nothing else runs.
// Source: src/node_errors.cc TriggerUncaughtException ("If the global uncaught exception
// handler throws ... exit with code 7"); doc/api/process.md "Exit codes" (7: Internal Exception
// Handler Run-Time Failure).
process.on('exit', (code) => console.log('exit', code));
process.on('uncaughtException', (err) => {
  console.log('caught', err.message);
  null.x;
});
setTimeout(() => console.log('never'), 0);
throw new Error('boom');
