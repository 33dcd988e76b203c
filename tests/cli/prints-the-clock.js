// prints a number read from the clock: every sampled timing prints another one (tests/cli.py)
setTimeout(() => console.log('timeout at', Math.round(performance.now())), 0);
setImmediate(() => console.log('immediate'));
