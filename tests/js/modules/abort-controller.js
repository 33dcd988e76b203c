// AbortController, AbortSignal, EventTarget and Event: listeners run synchronously inside
// abort() in the order added (onabort where it was first set), once-listeners removed before
// they run, a throwing listener reported from a tick, reason/throwIfAborted/AbortSignal.abort/
// AbortSignal.timeout by version.  Phases run one after another, from timers.
'use strict';
const log = (s) => console.log(s);
function chain(tag, n, done) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(tag + ' ' + i));
  if (done) p.then(done);
}
const phases = [];
function next() {
  const f = phases.shift();
  if (f) setTimeout(f, 1);
}
log([typeof AbortController, typeof AbortSignal, typeof EventTarget, typeof Event,
  typeof DOMException].join(' '));
if (typeof AbortController === 'function') {
  phases.push(() => {
    const ac = new AbortController();
    const { signal } = ac;
    log('aborted ' + signal.aborted + ' reason ' + signal.reason + ' onabort ' + signal.onabort);
    log(String(signal instanceof EventTarget) + ' ' + Object.prototype.toString.call(signal));
    signal.addEventListener('abort', (e) => log('listener 1: ' + e.type + ' ' + (e.target === signal) +
      ' ' + e.isTrusted + ' aborted=' + signal.aborted));
    signal.onabort = () => log('onabort (set second)');
    signal.addEventListener('abort', () => log('listener once'), { once: true });
    const dup = () => log('dup listener');
    signal.addEventListener('abort', dup);
    signal.addEventListener('abort', dup);
    signal.addEventListener('abort', { handleEvent(e) { log('handleEvent object ' + e.type); } });
    signal.addEventListener('abort', () => {
      log('listener that adds one');
      signal.addEventListener('abort', () => log('added during dispatch'));
    });
    signal.addEventListener('abort', () => log('last listener'));
    const removed = () => log('removed: not called');
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    signal.onabort = () => log('onabort replaced, keeps its place');
    process.nextTick(() => log('tick queued before abort'));
    ac.abort();
    log('after abort: aborted ' + signal.aborted);
    if ('reason' in signal) {
      const r = signal.reason;
      log('reason ' + r.name + ' ' + r.message + ' ' + r.code + ' ' + (r instanceof Error));
    }
    ac.abort();
    log('second abort dispatches nothing');
    chain('c', 2, next);
  });
  phases.push(() => {
    const ac = new AbortController();
    if (typeof ac.signal.throwIfAborted === 'function') {
      ac.abort();
      try {
        ac.signal.throwIfAborted();
      } catch (e) {
        log('throwIfAborted threw ' + e.name);
      }
      const ac3 = new AbortController();
      ac3.signal.throwIfAborted();
      ac3.abort('custom reason');
      log('custom reason ' + ac3.signal.reason);
    }
    if (typeof AbortSignal.abort === 'function') {
      const s = AbortSignal.abort();
      log('AbortSignal.abort ' + s.aborted + ' ' + (s.reason && s.reason.name));
    }
    try {
      new AbortSignal();
    } catch (e) {
      log('new AbortSignal: ' + e.name + ' ' + e.code);
    }
    // EventTarget and Event on their own
    const et = new EventTarget();
    const ev = new Event('ping', { cancelable: true });
    et.addEventListener('ping', (e) => {
      log('ping 1 phase ' + e.eventPhase + ' current ' + (e.currentTarget === et));
      e.preventDefault();
      e.stopImmediatePropagation();
    });
    et.addEventListener('ping', () => log('ping 2: not called'));
    log('dispatch returned ' + et.dispatchEvent(ev) + ' defaultPrevented ' + ev.defaultPrevented +
      ' phase after ' + ev.eventPhase);
    try {
      et.dispatchEvent('nope');
    } catch (e) {
      log('dispatch non-event: ' + e.code);
    }
    try {
      new Event();
    } catch (e) {
      log('new Event(): ' + e.code);
    }
    chain('d', 2, next);
  });
  phases.push(() => {
    // a throwing listener: the error is thrown from a tick; an async one's rejection too
    process.on('uncaughtException', (e) => log('uncaughtException: ' + e.message));
    const et = new EventTarget();
    et.addEventListener('x', () => {
      log('listener that throws');
      throw new Error('from listener');
    });
    et.addEventListener('x', async () => {
      log('async listener');
      throw new Error('async rejection');
    });
    et.addEventListener('x', () => log('listener after them'));
    et.dispatchEvent(new Event('x'));
    process.nextTick(() => log('tick after dispatch'));
    chain('e', 3);
    setImmediate(next);
  });
  phases.push(() => {
    if (typeof AbortSignal.timeout !== 'function') {
      log('no AbortSignal.timeout');
      return;
    }
    const t = AbortSignal.timeout(5);
    t.addEventListener('abort', () => {
      log('timeout signal aborted: ' + t.reason.name + ' ' + t.reason.message + ' ' + t.reason.code);
      setImmediate(() => log('immediate after the timeout signal'));
      process.nextTick(() => log('tick after the timeout signal'));
    });
    // keeps the loop alive until the signal's (unref'd) timer has fired
    setTimeout(() => log('keep-alive timer'), 20);
    // a timeout signal alone does not keep the process alive
    AbortSignal.timeout(100000).addEventListener('abort', () => log('never'));
  });
  next();
}
