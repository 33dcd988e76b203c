// fs_streams.js - fs.createReadStream and fs.createWriteStream: Node's Readable and Writable
// streams and its fs ReadStream and WriteStream, as Node 15 and later make them
// (lib/internal/streams/readable.js, writable.js, destroy.js and lib/internal/fs/streams.js
// @v20.20.2, what @v16.20.2 and @v22.23.3 do alike), written for loopsim's prelude: not
// Node's code, but the same moments for everything a program can see.  Those moments are:
//
//   - construction: the stream's _construct runs from a tick (destroy.js construct ->
//     constructNT); a file stream's opens the file (one pool trip), and in the open's
//     completion sets fd, then emits 'open' and 'ready'; the stream counts as constructed
//     only from a further tick (constructNT's callback is process.nextTick(onConstruct)).
//   - reading: read() calls _read, which makes one fs.read request of highWaterMark bytes
//     (64 KiB for a file); its completion pushes the bytes, or null at the end of the file.
//     A push in flowing mode, outside _read's own call, emits 'data' at once (addChunk);
//     otherwise the chunk is buffered and 'readable' comes from a tick (emitReadable).
//     More is read from a tick (maybeReadMore), 'resume' is emitted from a tick (resume_),
//     'end' from a tick (endReadable -> endReadableNT), and then, autoDestroy on, destroy().
//   - writing: write() while the stream is constructing or writing buffers; otherwise _write
//     makes one fs.write request; what was buffered goes as one fs.writev request when there
//     is more than one chunk (clearBuffer).  A write's callback, 'drain', and end()'s 'finish'
//     come from a tick when the completion was synchronous, else at once (onwrite,
//     afterWrite); end(cb)'s cb runs just before the 'finish' listeners (callFinishedCallbacks).
//   - destroying: _destroy closes the file (one pool trip; after the read or write in flight,
//     kIoDone), and 'close' is emitted from a tick after it (emitCloseNT); an error comes with
//     it from that tick, 'error' first (emitErrorCloseNT).
//
// Before 15 (the profile's fs_streams_construct off) the streams are the earlier form, chosen
// at the few places it differs (the flags below, each a row of src/process/profile.def): the
// constructor opens the file at once and a read or write asked for before waits for 'open'; a
// failed open emits 'error' at once with no 'close'; a read stream's own 'end' listener
// destroys it; the close request's callback emits 'close' (before 14); _final is called from a
// tick and closes the file (before 14); end(cb) listens for 'finish'.
//
// The requests are the public fs.open and fs.close and require('internal')'s fsRead and
// fsWritev, each one trip of the thread pool (src/process/node/fs.c).  What is not modelled
// stops the run with a message (internal.refuse): object mode, encodings but utf8, start/end,
// a FileHandle or custom fs, pipe() into something that is not such a stream, close(cb).
'use strict';

const internal = require('internal');
const EventEmitter = require('events');
const fs = require('fs');

// the default highWaterMark of a byte stream: 64 KiB from 22.0.0, 16 KiB before
// (profile.def stream_default_hwm_64k)
const DEFAULT_HWM = internal.features.stream_default_hwm_64k ? 64 * 1024 : 16 * 1024;
// the profile's rows (src/process/profile.def) for what changed in these streams:
const features = internal.features;
// the last write's completion ends the stream from a tick (stream_finish_tick, 20.10.0)
const FINISH_TICK = features.stream_finish_tick;
// construct-based fs streams (fs_streams_construct, 15.0.0); before, the "legacy" streams:
// the constructor opens the file, a stream's own 'end' listener destroys it, _final is called
// from a tick and end(cb) listens for 'finish' (lib/internal/fs/streams.js,
// lib/_stream_writable.js @v10.7.0, @v12.22.12; internal/streams/writable.js @v14.21.3)
const CONSTRUCT = features.fs_streams_construct;
// 'close' from destroy's tick (fs_stream_emit_close, 14.0.0); before, emitClose is off and the
// close callback emits 'close', only when there was no error
const EMIT_CLOSE = features.fs_stream_emit_close;
// a write stream's _final waits for 'open' (fs_stream_final_waits_open)
const FINAL_WAITS_OPEN = features.fs_stream_final_waits_open;
// destroy waits for the read or write in flight (kIoDone; fs_stream_io_done)
const IO_DONE = features.fs_stream_io_done;
// 'readable' emitted clears emittedReadable (readable_emitted_reset)
const READABLE_RESET = features.readable_emitted_reset;
// fs streams have a 'pending' getter (fs_stream_pending)
const PENDING = features.fs_stream_pending;
// on('readable') stops flowing mode (flowing = false) (readable_stops_flowing)
const READABLE_STOPS_FLOWING = features.readable_stops_flowing;
// removing the last 'readable' listener puts the stream back in flowing mode, or resumes it
// when 'data' has listeners (readable_update_resumes); before, it only updates
// readableListening (lib/_stream_readable.js updateReadableListening)
const READABLE_UPDATE_RESUMES = features.readable_update_resumes;
// unpipe() of the last destination pauses the source with pause() (unpipe_pauses)
const UNPIPE_PAUSES = features.unpipe_pauses;
// the Readable's state as bits (readable_state_bits): on('data') only sets readableListening,
// never clears it, and whether 'data' has listeners is a bit that on('data') sets and
// removeListener('data') clears (not removeAllListeners, not prependListener), where it was
// listenerCount('data') > 0
const STATE_BITS = features.readable_state_bits;
// a chunk is emitted at once in flowing mode only when 'data' has listeners
// (readable_add_chunk_needs_listener)
const ADD_CHUNK_NEEDS_LISTENER = features.readable_add_chunk_needs_listener;
// pipe(): its 'drain' listener is added at the first write that returns false, not by pipe()
// itself (pipe_drain_lazy); pipe() of a destination that needs a drain starts paused
// (pipe_checks_need_drain); the destination's 'drain' resumes the source with resume(), from a
// tick with a 'resume' event, not by flowing at once (pipe_drain_resumes)
const PIPE_DRAIN_LAZY = features.pipe_drain_lazy;
const PIPE_CHECKS_NEED_DRAIN = features.pipe_checks_need_drain;
const PIPE_DRAIN_RESUMES = features.pipe_drain_resumes;
// readable.closed, readable.errored and the writable ones are getters (stream_state_getters);
// before, an fs stream's closed is a field of its own
const STATE_GETTERS = features.stream_state_getters;

const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');
const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');

function nop() {}

function refuse(what) {
  internal.refuse('loopsim does not model ' + what + ' (docs/model.md, "fs streams")');
}

// ---- errors (lib/internal/errors.js) ------------------------------------------------------------

// Node's coded errors ("TypeError [CODE]: message" in the stack; internal.codedError)
function nodeError(Base, code, message) {
  return internal.codedError(Base.name, code, message);
}

function errDestroyed(what) {
  return nodeError(Error, 'ERR_STREAM_DESTROYED',
                   'Cannot call ' + what + ' after a stream was destroyed');
}

// ---- the legacy Stream (lib/internal/streams/legacy.js): an EventEmitter ----------------------------

function Stream(opts) {
  EventEmitter.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Stream, EventEmitter);

// ---- options ------------------------------------------------------------------------------------

function highWaterMark(options, key) {
  let v = options ? options.highWaterMark : undefined;
  if (v == null && options) v = options[key];
  if (v == null) return DEFAULT_HWM;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    // lib/internal/streams/state.js getHighWaterMark: ERR_INVALID_ARG_VALUE from 15.0.0,
    // ERR_INVALID_OPT_VALUE before (the construct-based streams' release, fs_streams_construct)
    const name = options.highWaterMark != null ? 'highWaterMark' : key;
    throw CONSTRUCT ?
      nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'The property \'options.' + name +
                '\' is invalid. Received ' + internal.inspect(v)) :
      nodeError(TypeError, 'ERR_INVALID_OPT_VALUE', 'The value "' + String(v) +
                '" is invalid for option "' + name + '"');
  }
  return Math.floor(v);
}

function checkEncoding(enc, what) {
  if (enc == null) return null;
  const e = String(enc).toLowerCase();
  if (e === 'utf8' || e === 'utf-8') return 'utf8';
  if (e === 'buffer') return 'buffer';
  refuse(what + ' with the encoding \'' + String(enc) + '\' (utf8 is modelled)');
}

// StringDecoder('utf8') (lib/string_decoder.js): a character split between chunks waits for
// the next one
function Decoder() {
  this.rest = null;
  this.encoding = 'utf8';
}
Decoder.prototype.write = function(buf) {
  if (typeof buf === 'string') return buf;
  const r = internal.utf8Decode(this.rest, buf);
  this.rest = r[1];
  return r[0];
};
Decoder.prototype.end = function() {
  // what is left of a character is U+FFFD
  const left = this.rest !== null ? '\ufffd' : '';
  this.rest = null;
  return left;
};

// ---- destroy.js: destroy, errorOrDestroy, construct ----------------------------------------------

function destroyStream(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  recordError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!s.constructed) {
    this.once(kDestroy, function(er) {
      runDestroy(this, er || err, cb);
    });
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

function recordError(err, w, r) {
  if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
}

function runDestroy(self, err, cb) {
  let called = false;
  function onDestroy(er) {
    if (called) return;
    called = true;
    const r = self._readableState;
    const w = self._writableState;
    recordError(er, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(er);
    if (er) process.nextTick(emitErrorCloseNT, self, er);
    else process.nextTick(emitCloseNT, self);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    recordError(err, w, r);
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return;
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) return;
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else stream.emit(kConstruct);
  }
  try {
    stream._construct((err) => {
      process.nextTick(onConstruct, err);
    });
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

// ---- Readable (lib/internal/streams/readable.js) ---------------------------------------------------

function ReadableState(options) {
  if (options && options.objectMode) refuse('object-mode streams');
  this.objectMode = false;
  this.highWaterMark = highWaterMark(options, 'readableHighWaterMark');
  this.buffer = [];
  this.length = 0;
  this.pipes = [];
  this.flowing = null;
  this.ended = false;
  this.endEmitted = false;
  this.reading = false;
  this.constructed = true;
  this.sync = true;
  this.needReadable = false;
  this.emittedReadable = false;
  this.readableListening = false;
  this.resumeScheduled = false;
  this.errorEmitted = false;
  this.emitClose = !(options && options.emitClose === false);
  this.autoDestroy = !(options && options.autoDestroy === false);
  this.destroyed = false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this.defaultEncoding = 'utf8';
  this.awaitDrainWriters = null;
  this.multiAwaitDrain = false;
  this.readingMore = false;
  this.dataEmitted = false;
  this.dataListening = false;
  this.decoder = null;
  this.encoding = null;
  this.paused = null;
  const enc = options ? checkEncoding(options.encoding, 'a stream') : null;
  if (enc && enc !== 'buffer') {
    this.decoder = new Decoder();
    this.encoding = enc;
  }
}

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  this._readableState = new ReadableState(options);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) refuse('a stream\'s signal option');
  }
  Stream.call(this, options);
  if (this._construct != null) {
    construct(this, () => {
      const state = this._readableState;
      if (state.needReadable) maybeReadMore(this, state);
    });
  }
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

Readable.prototype.destroy = destroyStream;
Readable.prototype._destroy = function(err, cb) {
  cb(err);
};

Readable.prototype.push = function(chunk, encoding) {
  const state = this._readableState;
  if (chunk === null) {
    state.reading = false;
    onEofChunk(this, state);
    return false;
  }
  if (typeof chunk === 'string') {
    encoding = encoding || state.defaultEncoding;
    if (state.encoding !== encoding) {
      checkEncoding(encoding, 'push()');
      chunk = Buffer.from(chunk);
      encoding = '';
    }
  } else if (Buffer.isBuffer(chunk)) {
    encoding = '';
  } else if (chunk !== undefined) {
    refuse('a chunk that is not a string or a Buffer');
  }
  if (!chunk || chunk.length <= 0) {
    state.reading = false;
    maybeReadMore(this, state);
    return canPushMore(state);
  }
  if (state.ended) {
    errorOrDestroy(this, nodeError(Error, 'ERR_STREAM_PUSH_AFTER_EOF',
                                   'stream.push() after EOF'));
    return false;
  }
  if (state.destroyed || state.errored) return false;
  state.reading = false;
  if (state.decoder && !encoding) {
    chunk = state.decoder.write(chunk);
    if (chunk.length === 0) {
      maybeReadMore(this, state);
      return canPushMore(state);
    }
  }
  addChunk(this, state, chunk);
  return canPushMore(state);
};

Readable.prototype.unshift = function() {
  refuse('readable.unshift()');
};

// does 'data' have a listener, as the version asks it
function dataListened(stream) {
  return STATE_BITS ? stream._readableState.dataListening : stream.listenerCount('data') > 0;
}

function canPushMore(state) {
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk) {
  if (state.flowing && state.length === 0 && !state.sync &&
      (!ADD_CHUNK_NEEDS_LISTENER || dataListened(stream))) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += chunk.length;
    state.buffer.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function() {
  const state = this._readableState;
  return state.paused === true || state.flowing === false;
};

Readable.prototype.setEncoding = function(enc) {
  const e = checkEncoding(enc === undefined ? 'utf8' : enc, 'setEncoding()');
  if (e === 'buffer') refuse('setEncoding(\'buffer\')');
  const state = this._readableState;
  const decoder = new Decoder();
  state.decoder = decoder;
  state.encoding = 'utf8';
  let content = '';
  for (const data of state.buffer) content += decoder.write(data);
  state.buffer = [];
  if (content !== '') state.buffer.push(content);
  state.length = content.length;
  return this;
};

// the highWaterMark a read(n) over it raises to: the next power of 2
function newHighWaterMark(n) {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (Number.isNaN(n)) {
    if (state.flowing && state.length) return state.buffer[0].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

Readable.prototype.read = function(n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = newHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;

  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
       state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else emitReadable(this);
    return null;
  }

  n = howMuchToRead(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  let doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }

  let ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }

  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

// n bytes (or characters) off the front of the buffer
function fromList(n, state) {
  if (state.length === 0) return null;
  const buf = state.buffer;
  let ret;
  if (!n || n >= state.length) {
    if (state.decoder) ret = buf.join('');
    else if (buf.length === 1) ret = buf[0];
    else ret = internal.bufferConcat(buf, state.length);
    state.buffer = [];
    return ret;
  }
  const first = buf[0];
  if (n < first.length) {
    ret = sliceOf(first, 0, n);
    buf[0] = sliceOf(first, n, first.length);
    return ret;
  }
  if (n === first.length) return buf.shift();
  const parts = [];
  while (n > 0) {
    const data = buf[0];
    if (n >= data.length) {
      parts.push(buf.shift());
      n -= data.length;
    } else {
      parts.push(sliceOf(data, 0, n));
      buf[0] = sliceOf(data, n, data.length);
      n = 0;
    }
  }
  return state.decoder ? parts.join('') : internal.bufferConcat(parts);
}

function sliceOf(chunk, start, end) {
  return chunk.slice(start, end);  // a Buffer's: a view of the same bytes, as Node's
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const chunk = state.decoder.end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += chunk.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadable_(stream);
  }
}

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    if (READABLE_RESET) state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

Readable.prototype._read = function() {
  throw nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED',
                  'The _read() method is not implemented');
};

Readable.prototype.pipe = function(dest, pipeOpts) {
  if (!dest || !(dest._writableState instanceof WritableState))
    refuse('pipe() into anything but a stream fs.createWriteStream made');
  const src = this;
  const state = this._readableState;
  if (state.pipes.length === 1 && !state.multiAwaitDrain) {
    state.multiAwaitDrain = true;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);
  const doEnd = !pipeOpts || pipeOpts.end !== false;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn);
  else src.once('end', endFn);

  dest.on('unpipe', onunpipe);
  let ondrain;
  if (!PIPE_DRAIN_LAZY) {
    ondrain = pipeOnDrain(src, dest);
    dest.on('drain', ondrain);
  }
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }
  function onend() {
    dest.end();
  }
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    if (ondrain && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain))
      ondrain();
  }
  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }
  src.on('data', ondata);
  function ondata(chunk) {
    if (dest.write(chunk) === false) pause();
  }
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  dest.prependListener('error', onerror);
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);
  function unpipe() {
    src.unpipe(dest);
  }
  dest.emit('pipe', src);
  if (PIPE_CHECKS_NEED_DRAIN && dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) &&
        dataListened(src)) {
      if (PIPE_DRAIN_RESUMES) {
        src.resume();
      } else {
        state.flowing = true;
        flow(src);
      }
    }
  };
}

// the last pipe gone pauses the source: with pause() ('pause' emitted) from 13.12
// (unpipe_pauses), by setting flowing to false before
function unpipePause(stream, state) {
  if (UNPIPE_PAUSES) stream.pause();
  else state.flowing = false;
}

Readable.prototype.unpipe = function(dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    unpipePause(this, state);
    for (let i = 0; i < dests.length; i++)
      dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) unpipePause(this, state);
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

Readable.prototype.on = function(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.dataListening = true;
    const listening = this.listenerCount('readable') > 0;
    if (!STATE_BITS) state.readableListening = listening;
    else if (listening) state.readableListening = true;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      if (READABLE_STOPS_FLOWING) state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  else if (ev === 'data' && this.listenerCount('data') === 0)
    this._readableState.dataListening = false;
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (!READABLE_UPDATE_RESUMES) {
    // 10.10.0 to 10.15.0 and 11.0.0 to 11.3.0: resume when 'data' has listeners; before, nothing
    if (READABLE_STOPS_FLOWING && self.listenerCount('data') > 0) self.resume();
    return;
  }
  if (state.resumeScheduled && state.paused === false) state.flowing = true;
  else if (dataListened(self)) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

function nReadingNextTick(self) {
  self.read(0);
}

Readable.prototype.resume = function() {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      process.nextTick(resume_, this, state);
    }
  }
  state.paused = false;
  return this;
};

function resume_(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state.paused = true;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.wrap = function() {
  refuse('readable.wrap()');
};

for (const name of [Symbol.asyncIterator, 'iterator', 'map', 'filter', 'forEach', 'toArray',
                    'some', 'every', 'find', 'reduce', 'flatMap', 'drop', 'take', 'asIndexedPairs',
                    'compose']) {
  Object.defineProperty(Readable.prototype, name, {
    configurable: true,
    writable: true,
    value: function() {
      refuse('readable.' + (typeof name === 'symbol' ? '[Symbol.asyncIterator]' : name) + '()');
    },
  });
}

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    // a Duplex that is not half open ends its writable side from a tick; one whose writable
    // side is still going is destroyed when that finishes (readable.js endReadableNT @v20.20.2)
    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      const w = stream._writableState;
      // (w.writable: false for a Duplex made with writable: false, none here; the getter
      // `writable` is false already while end() waits for its _final)
      if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

function getter(proto, name, get) {
  Object.defineProperty(proto, name, { configurable: true, enumerable: false, get });
}

getter(Readable.prototype, 'readable', function() {
  const r = this._readableState;
  return !!r && !r.destroyed && !r.errorEmitted && !r.endEmitted;
});
getter(Readable.prototype, 'readableFlowing', function() {
  return this._readableState.flowing;
});
getter(Readable.prototype, 'readableLength', function() {
  return this._readableState.length;
});
getter(Readable.prototype, 'readableEnded', function() {
  return this._readableState.endEmitted;
});
getter(Readable.prototype, 'readableHighWaterMark', function() {
  return this._readableState.highWaterMark;
});
getter(Readable.prototype, 'readableEncoding', function() {
  return this._readableState.encoding;
});
getter(Readable.prototype, 'destroyed', function() {
  return this._readableState.destroyed;
});
if (STATE_GETTERS) {
  getter(Readable.prototype, 'closed', function() {
    return this._readableState.closed;
  });
  getter(Readable.prototype, 'errored', function() {
    return this._readableState.errored;
  });
}

// ---- Writable (lib/internal/streams/writable.js) ----------------------------------------------------

function WritableState(options, stream) {
  if (options && options.objectMode) refuse('object-mode streams');
  this.objectMode = false;
  this.highWaterMark = highWaterMark(options, 'writableHighWaterMark');
  this.finalCalled = false;
  this.needDrain = false;
  this.ending = false;
  this.ended = false;
  this.finished = false;
  this.destroyed = false;
  this.decodeStrings = !(options && options.decodeStrings === false);
  this.defaultEncoding = 'utf8';
  this.length = 0;
  this.writing = false;
  this.corked = 0;
  this.sync = true;
  this.bufferProcessing = false;
  this.onwrite = (er) => onwrite(stream, er);
  this.writecb = null;
  this.writelen = 0;
  this.afterWriteTickInfo = null;
  this.buffered = [];
  this.allNoop = true;
  this.pendingcb = 0;
  this.constructed = true;
  this.prefinished = false;
  this.errorEmitted = false;
  this.emitClose = !(options && options.emitClose === false);
  this.autoDestroy = !(options && options.autoDestroy === false);
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this.onFinished = [];
}

function Writable(options) {
  if (!(this instanceof Writable)) return new Writable(options);
  this._writableState = new WritableState(options, this);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) refuse('a stream\'s signal option');
  }
  Stream.call(this, options);
  if (this._construct != null) {
    construct(this, () => {
      const state = this._writableState;
      if (!state.writing) clearBuffer(this, state);
      finishMaybe(this, state);
    });
  }
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

Writable.prototype.pipe = function() {
  errorOrDestroy(this, nodeError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'));
};

function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof cb !== 'function') cb = nop;
  if (chunk === null) {
    throw nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  }
  if (!encoding) encoding = state.defaultEncoding;
  else if (encoding !== 'buffer') checkEncoding(encoding, 'write()');
  if (typeof chunk === 'string') {
    if (state.decodeStrings) {
      chunk = Buffer.from(chunk);
      encoding = 'buffer';
    }
  } else if (Buffer.isBuffer(chunk)) {
    encoding = 'buffer';
  } else {
    // ERR_INVALID_ARG_TYPE, worded differently by version ("Buffer or Uint8Array" on 14 and
    // 16, "Buffer, TypedArray, or DataView" on 20): not modelled
    refuse('write() of a chunk that is not a string or a Buffer');
  }
  let err;
  if (state.ending) {
    err = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  } else if (state.destroyed) {
    err = errDestroyed('write');
  }
  if (err) {
    process.nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function(chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  return writeChunk(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function(encoding) {
  this._writableState.defaultEncoding = checkEncoding(encoding, 'setDefaultEncoding()');
  return this;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  state.length += chunk.length;
  const ret = state.length < state.highWaterMark;
  if (!ret) state.needDrain = true;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    state.buffered.push({ chunk, encoding, callback });
    if (callback !== nop) state.allNoop = false;
  } else {
    state.writelen = chunk.length;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(errDestroyed('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') {
    errorOrDestroy(stream, nodeError(Error, 'ERR_MULTIPLE_CALLBACK',
                                     'Callback called multiple times'));
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored)
      stream._readableState.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length > 0) clearBuffer(stream, state);
    if (sync) {
      if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
        state.afterWriteTickInfo.count++;
      } else {
        state.afterWriteTickInfo = { count: 1, cb, stream, state };
        process.nextTick(afterWriteTick, state.afterWriteTickInfo);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function afterWriteTick({ stream, state, count, cb }) {
  state.afterWriteTickInfo = null;
  return afterWrite(stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  finishMaybe(stream, state, FINISH_TICK);
}

function errorBuffer(state) {
  if (state.writing) return;
  for (let n = 0; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    state.length -= chunk.length;
    callback(state.errored || errDestroyed('write'));
  }
  const onfinishCallbacks = state.onFinished.splice(0);
  for (let i = 0; i < onfinishCallbacks.length; i++)
    onfinishCallbacks[i](state.errored || errDestroyed('end'));
  state.buffered = [];
  state.allNoop = true;
}

function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const buffered = state.buffered;
  const bufferedLength = buffered.length;
  if (!bufferedLength) return;
  let i = 0;
  state.bufferProcessing = true;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const callback = state.allNoop ? nop : (err) => {
      for (let n = 0; n < buffered.length; ++n) buffered[n].callback(err);
    };
    doWrite(stream, state, true, state.length, buffered, '', callback);
    state.buffered = [];
    state.allNoop = true;
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      doWrite(stream, state, false, chunk.length, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) {
      state.buffered = [];
      state.allNoop = true;
    } else {
      state.buffered = buffered.slice(i);
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function(chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED',
                       'The _write() method is not implemented');
};
Writable.prototype._writev = null;

Writable.prototype.end = function(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // the write's error: already passed on
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = nodeError(Error, 'ERR_STREAM_ALREADY_FINISHED',
                    'Cannot call end after a stream was finished');
  } else if (state.destroyed) {
    err = errDestroyed('end');
  }
  if (typeof cb === 'function') {
    if (err || state.finished) process.nextTick(cb, err);
    else if (state.errored) process.nextTick(cb, state.errored);
    else if (CONSTRUCT) state.onFinished.push(cb);
    else this.once('finish', cb); // a listener after those already there (endWritable)
  }
  return this;
};

// before 15 a destroyed stream still finishes (the _final of a write stream destroys it first)
// (and before 15 one whose destroy has run its close tick: needFinish did not look at that,
// lib/_stream_writable.js @v12.22.12, @v14.0.0; a net.Socket, which emits 'close' itself, then
// still finishes when its cancelled shutdown calls back)
function needFinish(state) {
  return state.ending && (!CONSTRUCT || (!state.destroyed && state.constructed)) &&
    state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && (!CONSTRUCT || !state.closeEmitted);
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, err || nodeError(Error, 'ERR_MULTIPLE_CALLBACK',
                                              'Callback called multiple times'));
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      const cbs = state.onFinished.splice(0);
      for (let i = 0; i < cbs.length; i++) cbs[i](err);
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

// before 15, _final is called from a tick and its callback finishes the stream at once
// (lib/internal/streams/writable.js @v14.21.3 prefinish, callFinal)
function callFinalLegacy(stream, state) {
  stream._final((err) => {
    state.pendingcb--;
    if (err) {
      errorOrDestroy(stream, err);
    } else {
      state.prefinished = true;
      stream.emit('prefinish');
      finishMaybe(stream, state);
    }
  });
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      if (CONSTRUCT) {
        callFinal(stream, state);
      } else {
        state.pendingcb++;
        process.nextTick(callFinalLegacy, stream, state);
      }
    } else {
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        process.nextTick((stream, state) => {
          if (needFinish(state)) finish(stream, state);
          else state.pendingcb--;
        }, stream, state);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  const cbs = state.onFinished.splice(0);
  for (let i = 0; i < cbs.length; i++) cbs[i](null);
  stream.emit('finish');
  if (state.autoDestroy) {
    const rState = stream._readableState;
    if (!rState || (rState.autoDestroy && rState.endEmitted)) stream.destroy();
  }
}

getter(Writable.prototype, 'writable', function() {
  const w = this._writableState;
  return !!w && !w.destroyed && !w.errored && !w.ending && !w.ended;
});
getter(Writable.prototype, 'writableFinished', function() {
  return this._writableState.finished;
});
getter(Writable.prototype, 'writableEnded', function() {
  return this._writableState.ending;
});
getter(Writable.prototype, 'writableLength', function() {
  return this._writableState.length;
});
if (PIPE_CHECKS_NEED_DRAIN) {
  getter(Writable.prototype, 'writableNeedDrain', function() {
    const w = this._writableState;
    return !w.destroyed && !w.ending && w.needDrain;
  });
}
getter(Writable.prototype, 'writableHighWaterMark', function() {
  return this._writableState.highWaterMark;
});
getter(Writable.prototype, 'writableCorked', function() {
  return this._writableState.corked;
});
getter(Writable.prototype, 'destroyed', function() {
  return this._writableState.destroyed;
});
if (STATE_GETTERS) {
  getter(Writable.prototype, 'closed', function() {
    return this._writableState.closed;
  });
  getter(Writable.prototype, 'errored', function() {
    return this._writableState.errored;
  });
}

Writable.prototype.destroy = function(err, cb) {
  const state = this._writableState;
  if (!state.destroyed && (state.buffered.length > 0 || state.onFinished.length > 0))
    process.nextTick(errorBuffer, state);
  destroyStream.call(this, err, cb);
  return this;
};
Writable.prototype._destroy = function(err, cb) {
  cb(err);
};

// ---- fs.ReadStream, fs.WriteStream (lib/internal/fs/streams.js) -------------------------------------

// the options a file stream takes, as getOptions reads them: a string is the encoding
function fileOptions(options, what) {
  if (options == null) return {};
  if (typeof options === 'string') return { encoding: options };
  if (typeof options !== 'object') {
    // ERR_INVALID_ARG_TYPE, worded differently by version ("one of type string or object",
    // "... or Object" on 10): not modelled
    refuse(what + ' with options that are not a string or an object');
  }
  const copy = Object.assign({}, options);
  if (copy.start !== undefined || copy.end !== undefined)
    refuse(what + ' with start or end');
  if (copy.fs !== undefined) refuse(what + ' with a custom fs');
  if (copy.fd !== undefined && copy.fd !== null && typeof copy.fd !== 'number')
    refuse(what + ' of a FileHandle');
  if (copy.flush) refuse(what + ' with flush');
  return copy;
}

function checkPath(path) {
  if (typeof path !== 'string') {
    if (path !== null && typeof path === 'object') refuse('a stream of a path that is not a string');
    internal.invalidArgType('path', 'of type string or an instance of Buffer or URL', path);
  }
  return path;
}

// what both constructors set before the Readable or Writable part: the file, and whether the
// stream closes it (autoClose: from 15 the state's autoDestroy; before, a field of its own,
// the Readable's autoDestroy off and the Writable's on from 14)
function initFile(stream, path, options, flags) {
  if (options.fd == null) {
    stream.fd = null;
    stream.path = checkPath(path);
    stream.flags = options.flags === undefined ? flags : options.flags;
    stream.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    stream.fd = options.fd;
  }
  const autoClose = options.autoClose === undefined ? true : !!options.autoClose;
  if (!STATE_GETTERS) stream.closed = false;
  if (CONSTRUCT) {
    options.autoDestroy = autoClose;
  } else {
    stream.autoClose = autoClose;
    if (options.autoDestroy === undefined)
      options.autoDestroy = EMIT_CLOSE && flags === 'w' ? autoClose : false;
    if (!EMIT_CLOSE && options.emitClose === undefined) options.emitClose = false;
  }
  stream.start = undefined;
  stream.pos = undefined;
  stream[kIsPerformingIO] = false;
}

// _construct (15+): open the file, unless a descriptor was given; 'open' and 'ready' after
// the stream counts as constructed (its callback queues onConstruct)
function openFile(callback) {
  const stream = this;
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  fs.open(stream.path, stream.flags, stream.mode, function opened(er, fd) {
    if (er) {
      callback(er);
    } else {
      stream.fd = fd;
      callback();
      stream.emit('open', stream.fd);
      stream.emit('ready');
    }
  });
}

// before 15 the constructor opens the file; a failed open destroys the stream (which waits
// for an 'open' that never comes: no 'close') and emits 'error' at once; a read stream then
// reads (lib/internal/fs/streams.js @v14.21.3 _openReadFs, _openWriteFs; @v10.7.0 open)
function openLegacy(stream, read) {
  fs.open(stream.path, stream.flags, stream.mode, function opened(er, fd) {
    if (er) {
      if (stream.autoClose) stream.destroy();
      stream.emit('error', er);
      return;
    }
    stream.fd = fd;
    stream.emit('open', fd);
    stream.emit('ready');
    if (read) stream.read();
  });
}

// close the descriptor (one trip) and call cb with the first error; before 14 the close's
// callback also emits 'close' when there was no error (closeFsStream)
function closeFile(stream, err, cb) {
  if (!stream.fd) {
    cb(err);
    return;
  }
  fs.close(stream.fd, function closed(er) {
    if (!STATE_GETTERS) stream.closed = true;
    if (CONSTRUCT) {
      cb(er || err);
      return;
    }
    er = er || err;
    cb(er);
    if (!er && !EMIT_CLOSE) stream.emit('close');
  });
  stream.fd = null;
}

// _destroy: after the open (before 15, when it has not come yet) and after the read or write
// in flight (kIoDone: from 15, and from 13.4.0 and 12.16.0 before)
function destroyFile(err, cb) {
  if (!CONSTRUCT && typeof this.fd !== 'number') {
    this.once('open', () => closeFile(this, err, cb));
    return;
  }
  if (this[kIsPerformingIO] && (CONSTRUCT || IO_DONE))
    this.once(kIoDone, (er) => closeFile(this, err || er, cb));
  else
    closeFile(this, err, cb);
}

// before 15, a read or write asked for before the open waits for it
function afterOpen(stream, fn) {
  if (CONSTRUCT || typeof stream.fd === 'number') return false;
  stream.once('open', fn);
  return true;
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = fileOptions(options, 'fs.createReadStream');
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  initFile(this, path, options, 'r');
  this.end = Infinity;
  this.bytesRead = 0;
  Readable.call(this, options);
  if (!CONSTRUCT) {
    if (typeof this.fd !== 'number') openLegacy(this, true);
    // its own 'end' listener, before the program's (lib/internal/fs/streams.js @v14.21.3)
    this.on('end', function() {
      if (this.autoClose) this.destroy();
    });
  }
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

if (CONSTRUCT) {
  Object.defineProperty(ReadStream.prototype, 'autoClose', {
    configurable: true,
    get() { return this._readableState.autoDestroy; },
    set(val) { this._readableState.autoDestroy = val; },
  });
  ReadStream.prototype._construct = openFile;
}

ReadStream.prototype._read = function(n) {
  if (afterOpen(this, () => this._read(n))) return;
  if (!CONSTRUCT && this.destroyed) return;
  n = Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  this[kIsPerformingIO] = true;
  const stream = this;
  internal.fsRead(this.fd, n, function chunkRead(er, bytesRead, buf) {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed && (CONSTRUCT || IO_DONE)) {
      stream.emit(kIoDone, er);
      return;
    }
    if (er) {
      if (CONSTRUCT) {
        errorOrDestroy(stream, er);
      } else {
        if (stream.autoClose) stream.destroy();
        stream.emit('error', er);
      }
    } else if (bytesRead > 0) {
      stream.bytesRead += bytesRead;
      stream.push(buf);
    } else {
      stream.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroyFile;

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') refuse('readStream.close(callback)');
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = fileOptions(options, 'fs.createWriteStream');
  options.decodeStrings = true;
  initFile(this, path, options, 'w');
  this.flush = false;
  this.bytesWritten = 0;
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
  if (!CONSTRUCT && typeof this.fd !== 'number') openLegacy(this, false);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

if (CONSTRUCT) {
  Object.defineProperty(WriteStream.prototype, 'autoClose', {
    configurable: true,
    get() { return this._writableState.autoDestroy; },
    set(val) { this._writableState.autoDestroy = val; },
  });
  WriteStream.prototype._construct = openFile;
} else {
  // _final before 15: wait for the open (from 13.0.0 and 12.13.0), then, before 14, close
  // the file at once (14 closes after 'finish', autoDestroy)
  WriteStream.prototype._final = function(callback) {
    if (FINAL_WAITS_OPEN && afterOpen(this, () => this._final(callback))) return;
    if (!EMIT_CLOSE && this.autoClose) this.destroy();
    callback();
  };
}

// writeAll and writevAll: the chunks in one request (a file takes them whole)
function writeChunks(stream, chunks, cb) {
  stream[kIsPerformingIO] = true;
  internal.fsWritev(stream.fd, chunks, function written(er, bytesWritten) {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed && (CONSTRUCT || IO_DONE)) {
      cb(er || (CONSTRUCT ? errDestroyed(chunks.length > 1 ? 'writev' : 'write') : undefined));
      stream.emit(kIoDone, er);
      return;
    }
    if (!er) stream.bytesWritten += bytesWritten;
    cb(er);
  });
}

WriteStream.prototype._write = function(data, encoding, cb) {
  if (afterOpen(this, () => this._write(data, encoding, cb))) return;
  writeChunks(this, [data], cb);
};

WriteStream.prototype._writev = function(data, cb) {
  if (afterOpen(this, () => this._writev(data, cb))) return;
  writeChunks(this, data.map((d) => d.chunk), cb);
};

WriteStream.prototype._destroy = destroyFile;

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

if (CONSTRUCT || PENDING) {
  for (const S of [ReadStream, WriteStream]) {
    getter(S.prototype, 'pending', function() {
      return this.fd === null;
    });
  }
}

// ---- Duplex (lib/internal/streams/duplex.js): a Readable with a Writable's state and methods ----

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  this._writableState = new WritableState(options, this);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.final === 'function') this._final = options.final;
  }
  this.allowHalfOpen = !(options && options.allowHalfOpen === false);
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);
for (const key of Object.getOwnPropertyNames(Writable.prototype)) {
  if (!Object.prototype.hasOwnProperty.call(Duplex.prototype, key) &&
      !Object.prototype.hasOwnProperty.call(Readable.prototype, key)) {
    Object.defineProperty(Duplex.prototype, key,
                          Object.getOwnPropertyDescriptor(Writable.prototype, key));
  }
}

module.exports = {
  Duplex,
  ReadStream,
  WriteStream,
  Readable,
  Writable,
  createReadStream(path, options) {
    return new ReadStream(path, options);
  },
  createWriteStream(path, options) {
    return new WriteStream(path, options);
  },
};
