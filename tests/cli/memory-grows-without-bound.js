// A program whose memory grows until the machine's limit: loopsim has no count of objects,
// statements or timers of its own (tests/cli.py runs it with 256 MB of address space).
const kept = [];
for (let i = 0; i < 1e9; i++) kept.push({ i, text: 'item ' + i });
console.log('never printed', kept.length);
