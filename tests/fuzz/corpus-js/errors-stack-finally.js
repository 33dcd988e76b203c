// exceptions: finally overriding return, rethrow, custom errors, cause, AggregateError, stack
class MyError extends Error { constructor(m) { super(m, { cause: 'why' }); this.name = 'MyError'; } }
function f() { try { return 'try'; } finally { console.log('finally runs'); } }
function g() { try { throw new MyError('x'); } catch (e) { return e.cause; } finally { return 'finally wins'; } }
console.log(f(), g());
try { null.x; } catch (e) { console.log(e instanceof TypeError, e.message); }
try { (function recurse() { recurse(); })(); } catch (e) { console.log(e.name, e.message); }
try { throw new AggregateError([new Error('a'), 1], 'agg'); } catch (e) { console.log(e.errors.length, e.message); }
try { throw { notAnError: true }; } catch ({ notAnError }) { console.log(notAnError); }
const e = new Error('with stack'); console.log(typeof e.stack, e.stack.split('\n')[0]);
console.log(String(new RangeError('r')), Object.prototype.toString.call(e), Error('no new').message);
throw new MyError('uncaught at the end');
