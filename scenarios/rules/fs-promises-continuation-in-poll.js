// Rule: an fs.promises call settles its promise in the completion of its last thread-pool trip,
// in the poll phase, inside that completion's callback scope: the program's then and await
// continuations, and the ticks and promise jobs they queue, run there, before the check
// phase's immediates (and a request made there completes in a later poll phase).
// Source: src/node_file.cc FSReqPromise::Resolve (from the request's completion, in an
// InternalCallbackScope); lib/internal/fs/promises.js stat, access (await binding.x(...,
// kUsePromises)); libuv src/unix/core.c uv_run (poll, then check).
const fsp = require('fs').promises;
(async () => {
  const stats = await fsp.stat(__filename);
  console.log('stat awaited', stats.isFile());
  setImmediate(() => console.log('immediate from stat'));
  process.nextTick(() => console.log('tick from stat'));
  Promise.resolve().then(() => console.log('promise from stat'));
  await fsp.access(__filename);
  console.log('access awaited');
  setImmediate(() => console.log('immediate from access'));
})();
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
