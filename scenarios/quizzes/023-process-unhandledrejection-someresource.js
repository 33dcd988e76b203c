// Source: https://nodejs.org/api/process.html#event-unhandledrejection ("The following will also trigger the 'unhandledRejection' event", cjs example)
// Repository: nodejs/node, path doc/api/process.md, commit c72aa1f00d14ed0e98a937e900ced2adba4654d7
// Claimed answer: triggers 'unhandledRejection' (no listener: raised as an uncaught exception)
const process = require('node:process');

function SomeResource() {
  // Initially set the loaded status to a rejected promise
  this.loaded = Promise.reject(new Error('Resource not yet loaded!'));
}

const resource = new SomeResource();
// no .catch or .then on resource.loaded for at least a turn
