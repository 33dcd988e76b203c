// http.js - require('http'): a server and its clients on the loopback, as Node makes them
// (lib/_http_server.js, _http_client.js, _http_outgoing.js, _http_incoming.js, _http_agent.js,
// _http_common.js and the parts of lib/net.js they use, @v20.20.2; the earlier forms where a
// row of src/process/profile.def says so), written for loopsim's prelude: not Node's code, but
// the same moments for everything a program can see.
//
// The layers, from the bottom:
//   - the tcp handles of require('internal') (src/process/node/tcp.c): a connect completes in a
//     poll phase, the bytes written are read by the peer's next poll phase, a FIN behind bytes
//     by the one after, a shutdown completes in the next poll phase, a close in the close phase;
//   - Socket: net.Socket as http uses it, a Duplex (fs_streams.js) over a handle: writes
//     complete at once (their callbacks from a tick, afterWriteTick), end() shuts the handle
//     down (_final), the handle's close emits 'close' (emitClose is off: net.js Socket);
//   - the parser: HTTP/1.1 messages, each read parsed at once in the read's callback scope
//     (Node's parser runs its JavaScript callbacks in that scope: node_http_parser.cc
//     kSkipTaskQueues), so the ticks they queue run after the whole read;
//   - IncomingMessage (a Readable: 'data', 'end', 'close' as the prelude's Readable gives
//     them), OutgoingMessage with ServerResponse and ClientRequest, the Server, the Agent.
//
// Every listener Node adds itself is added at the moment Node adds it, so the program's
// listeners run after or before it as in Node (resOnFinish before the program's 'finish',
// responseOnEnd before its 'end', ...).  What is not modelled stops the run with a message
// (internal.refuse): other hosts than the program's own servers, an Agent of the program's,
// upgrades, 'Expect: 100-continue', timeouts asked for by the program, aborting a request,
// the socket's pipe, setEncoding and address.
'use strict';

const internal = require('internal');
const EventEmitter = require('events');
const { Readable, Duplex } = require('internal/fs_streams');
const features = internal.features;

// The profile's rows (src/process/profile.def) for what changed, each with its version there:
// the global agent keeps connections alive and server.close() closes the idle ones
const KEEP_ALIVE_DEFAULT = features.http_keep_alive_default;
// a listening server checks its connections' timeouts every 30 s from an unref'd interval
const CONNECTIONS_CHECKING = features.http_connections_checking;
// an empty write of a message goes to its socket (before: its callback from a tick)
const EMPTY_WRITE_VIA_SOCKET = features.http_empty_write_via_socket;
// end() corks the socket first and uncorks it fully (before: only around its own chunk, once)
const END_FULL_UNCORK = features.http_end_full_uncork;
// end() with nothing left to send calls back from a tick, without a write
const END_SKIPS_EMPTY_WRITE = features.http_end_skips_empty_write;
// the request's 'close' is emitted when it has ended (clearIncoming); before, in resOnFinish
const CLEAR_INCOMING_CLOSE = features.http_clear_incoming_close;
// an IncomingMessage destroys itself after 'end' (autoDestroy), which emits its 'close'
const INCOMING_AUTO_DESTROY = features.http_incoming_auto_destroy;
// IncomingMessage._destroy calls back from a tick
const INCOMING_DESTROY_TICK = features.http_incoming_destroy_tick;
// the request is flushed to its socket after 'socket' is emitted (before: from a listener of
// 'socket' that the constructor adds, _deferToConnect)
const FLUSH_AFTER_SOCKET = features.http_flush_after_socket;
// net.Socket is a Duplex that is not half open and destroys itself (autoDestroy)
const NET_AUTO_DESTROY = features.net_socket_auto_destroy;
// before that: after the peer's FIN, the socket ends and is destroyed when its shutdown
// completes; before this, at once (maybeDestroy)
const NET_END_WAITS_SHUTDOWN = features.net_end_waits_shutdown;
// _final shuts the handle down even when the readable side has ended; before, it destroys the
// socket at once
const NET_FINAL_SHUTS_DOWN = features.net_final_shuts_down_after_eof;

function refuse(what) {
  internal.refuse(what + ' (docs/modules.md says what http loopsim models)');
}

function nop() {}

// ---- Socket: net.Socket over a tcp handle ------------------------------------------------------

const kTimeout = Symbol('kTimeout');

function Socket(handle, server) {
  // net.js Socket: from 15 a Duplex that is not half open and destroys itself; before, the
  // Duplex is half open and net's own 'end' listener and afterShutdown destroy it
  Duplex.call(this, { allowHalfOpen: !NET_AUTO_DESTROY, emitClose: false,
                      autoDestroy: NET_AUTO_DESTROY, decodeStrings: false });
  this.allowHalfOpen = false;
  this.connecting = false;
  this._hadError = false;
  this._handle = handle;
  this._host = null;
  this._pendingData = null;
  this[kTimeout] = null;
  this._httpMessage = null;
  this.parser = null;
  this.server = null;
  this._server = null;
  this.on('end', onReadableStreamEnd);
  if (handle) {
    initHandle(this, handle);
    this.read(0);
  }
  if (server) {
    this.server = server;
    this._server = server;
  }
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

function initHandle(socket, handle) {
  socket._handle = handle;
  handle.owner = socket;
  handle.reading = false;
  handle.onread = onStreamRead;
}

// stream_base_commons.js onStreamRead: bytes are pushed, the FIN pushes null
function onStreamRead(data) {
  const stream = this.owner;
  stream._unrefTimer();
  if (data !== null) {
    if (stream.destroyed) return;
    if (stream._consumer) {
      stream._consumer(data);
      return;
    }
    if (!stream.push(Buffer.from(data))) {
      this.reading = false;
      internal.tcpReadStop(this);
    }
    return;
  }
  if (stream._readableState.endEmitted) return;
  stream.push(null);
  stream.read(0);
}

// net.js onReadableStreamEnd: a socket that is not half open takes no more writes; before 15
// it ends itself here, and is destroyed here (before 12.17/13.13: maybeDestroy) or when the
// shutdown completes (afterShutdown)
function onReadableStreamEnd() {
  if (NET_AUTO_DESTROY) {
    if (!this.allowHalfOpen) this.write = writeAfterFIN;
  } else if (NET_END_WAITS_SHUTDOWN) {
    if (!this.allowHalfOpen) {
      this.write = writeAfterFIN;
      if (this.writable) this.end();
      else if (!this.writableLength) this.destroy();
    } else if (!this.destroyed && !this.writable && !this.writableLength) {
      this.destroy();
    }
  } else {
    if (!this.allowHalfOpen) {
      this.write = writeAfterFIN;
      if (this.writable) this.end();
    }
    if (!this.readable && !this.writable && !this.destroyed && !this.connecting &&
        !this.writableLength) {
      this.destroy();
    }
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') cb = encoding;
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype._unrefTimer = function() {
  if (this[kTimeout]) this[kTimeout].refresh();
};

// socket.setTimeout(ms): an unref'd Timeout of the timers list, refreshed by reads and writes
// (net.js setStreamTimeout: setUnrefTimeout)
Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed) return this;
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (msecs !== 0) {
    const self = this;
    this[kTimeout] = setTimeout(function socketTimeout() {
      self._onTimeout();
    }, msecs);
    this[kTimeout].unref();
  }
  if (callback) this.once('timeout', callback);
  return this;
};

Socket.prototype._onTimeout = function() {
  this.emit('timeout');
};

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    this._handle.reading = true;
    internal.tcpReadStart(this._handle);
  }
};

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    function onClose() {
      cb(new Error('Socket closed before the connection was established'));
    }
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  if (!this._handle) {
    cb(new Error('This socket is closed'));
    return;
  }
  this._unrefTimer();
  let text = '';
  if (writev) {
    for (let i = 0; i < data.length; i++) text += textOf(data[i].chunk);
  } else {
    text = textOf(data);
  }
  // uv_try_write takes it all: the request is done synchronously (afterWriteDispatched)
  internal.tcpWrite(this._handle, text);
  cb();
};

// the bytes go as text: a string's own, a Buffer's as UTF-8 (what these programs write)
function textOf(chunk) {
  return typeof chunk === 'string' ? chunk : chunk.toString();
}

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

// _final: shutdown, whose completion (the next poll phase) finishes the writable side
Socket.prototype._final = function(cb) {
  if (this.connecting) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (!NET_FINAL_SHUTS_DOWN && (!this.readable || this._readableState.ended)) {
    cb();
    this.destroy();
    return;
  }
  if (!this._handle) {
    cb();
    return;
  }
  const self = this;
  // afterShutdown: before 15 it destroys a socket whose readable side has ended
  this._handle.onshutdown = function() {
    cb();
    if (!NET_AUTO_DESTROY && !self.destroyed && (!self.readable || self.readableEnded)) {
      self.destroy();
    }
  };
  internal.tcpShutdown(this._handle);
};

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

// _destroy: the handle closes ('close' from the close phase); a server's connection is
// counted off at once (net.js Socket.prototype._destroy)
Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (this._handle) {
    const isException = !!exception;
    this._handle.onclose = () => {
      this.emit('close', isException);
    };
    internal.tcpClose(this._handle);
    this._handle.onread = nop;
    this._handle = null;
    cb(exception);
  } else {
    cb(exception);
    const self = this;
    process.nextTick(function emitCloseNT() {
      self.emit('close', !!exception);
    });
  }
  if (this._server) {
    this._server._connections--;
    this._server._emitCloseIfDrained();
  }
};

// ref()/unref() of a socket or a server: its handle's
function ref() {
  if (this._handle) internal.tcpRef(this._handle, true);
  return this;
}

function unref() {
  if (this._handle) internal.tcpRef(this._handle, false);
  return this;
}

Socket.prototype.ref = ref;
Socket.prototype.unref = unref;

Socket.prototype.setKeepAlive = function() {
  return this;
};

Socket.prototype.setNoDelay = function() {
  return this;
};

// net.connect as the agent calls it: a lookup first for a name (one getaddrinfo job), a tick for
// an address (net.js lookupAndConnect), then the connect
Socket.prototype.connect = function(options) {
  const host = options.host || 'localhost';
  const port = options.port;
  this.connecting = true;
  const connect = () => {
    if (!this.connecting) return;
    const handle = internal.tcpConnect(port);
    if (handle === null) {
      refuse('a connection to port ' + port + ', where no server of this program listens ' +
             '(ECONNREFUSED is not modelled)');
    }
    initHandle(this, handle);
    handle.onconnect = () => afterConnect(this);
  };
  if (host === 'localhost') {
    require('dns').lookup(host, function emitLookup() {
      connect();
    });
  } else if (host === '127.0.0.1' || host === '::1') {
    process.nextTick(function internalConnect() {
      connect();
    });
  } else {
    refuse('a connection to the host \'' + host + '\' (only localhost, 127.0.0.1 and ::1)');
  }
  return this;
};

// net.js afterConnect: 'connect', 'ready', then reading starts
function afterConnect(self) {
  if (self.destroyed) return;
  self.connecting = false;
  self._unrefTimer();
  self.emit('connect');
  self.emit('ready');
  if (!self.isPaused()) self.read(0);
}

Socket.prototype.isPaused = function() {
  return this._readableState.flowing === false;
};

// the program sees a socket, but loopsim does not model what it would do with it
for (const name of ['pipe', 'setEncoding', 'address', 'resetAndDestroy']) {
  Socket.prototype[name] = function() {
    refuse('socket.' + name + '() of an http connection');
  };
}

// ---- the parser (_http_common.js; llhttp's messages, as much as these programs send) ----------

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted',
  204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 413: 'Payload Too Large',
  418: 'I\'m a Teapot', 429: 'Too Many Requests', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

// A parser reads one side of a connection: requests (a server's) or responses (a client's).
// execute(text) calls onHeadersComplete(info), onBody(text), onMessageComplete() as the text
// completes them; finish() ends a body read to the end of the connection.
function Parser(kind) {
  this.kind = kind;
  this.buffer = '';
  this.state = 'head';
  this.remaining = 0;
  this.chunked = false;
  this.untilEof = false;
  this.method = null;
  this.incoming = null;
  this.socket = null;
  this.outgoing = null;
}

Parser.prototype.execute = function(text) {
  this.buffer += text;
  for (;;) {
    if (this.state === 'head') {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 4);
      const info = parseHead(head, this.kind);
      this.headInfo(info);
      const skipBody = this.onHeadersComplete(info);
      if (this.state === 'dead') return;
      if (skipBody || !this.hasBody(info)) {
        this.state = 'head';
        this.onMessageComplete();
        continue;
      }
      this.state = 'body';
    } else if (this.state === 'body') {
      if (this.untilEof) {
        if (this.buffer.length) {
          const b = this.buffer;
          this.buffer = '';
          this.onBody(b);
        }
        return;
      }
      if (this.chunked) {
        if (this.chunkState === 'crlf') { // after a chunk's data
          if (this.buffer.length < 2) return;
          this.buffer = this.buffer.slice(2);
          this.chunkState = 'size';
          continue;
        }
        if (this.chunkState === 'size') {
          const eol = this.buffer.indexOf('\r\n');
          if (eol < 0) return;
          const size = parseInt(this.buffer.slice(0, eol), 16);
          if (size === 0) { // the last chunk, then the trailers (none) and an empty line
            const end = this.buffer.slice(eol, eol + 4) === '\r\n\r\n' ? eol + 4
              : this.buffer.indexOf('\r\n\r\n', eol) + 4;
            if (end < 4) return;
            this.buffer = this.buffer.slice(end);
            this.state = 'head';
            this.onMessageComplete();
            continue;
          }
          this.buffer = this.buffer.slice(eol + 2);
          this.remaining = size;
          this.chunkState = 'data';
          continue;
        }
        if (!this.takeBody()) return;
        if (this.remaining === 0) this.chunkState = 'crlf';
        continue;
      }
      if (!this.takeBody()) return;
      if (this.remaining === 0) {
        this.state = 'head';
        this.onMessageComplete();
      }
    } else {
      return;
    }
  }
};

// the body's next bytes there are, up to `remaining` (a chunk's or the message's): false if
// none has come yet
Parser.prototype.takeBody = function() {
  if (!this.buffer.length) return false;
  const b = takeBytes(this.buffer, this.remaining);
  this.buffer = this.buffer.slice(b.length);
  this.remaining -= Buffer.byteLength(b);
  this.onBody(b);
  return true;
};

// the longest start of `text` of at most n bytes in UTF-8
function takeBytes(text, n) {
  if (Buffer.byteLength(text) <= n) return text;
  let k = Math.min(n, text.length);
  while (k > 0 && Buffer.byteLength(text.slice(0, k)) > n) k--;
  return text.slice(0, k);
}

Parser.prototype.headInfo = function(info) {
  const te = info.headers['transfer-encoding'];
  this.chunked = !!te && /chunked/i.test(te);
  this.chunkState = 'size';
  const cl = info.headers['content-length'];
  this.remaining = cl !== undefined ? Number(cl) : 0;
  this.untilEof = this.kind === 'response' && !this.chunked && cl === undefined;
};

Parser.prototype.hasBody = function(info) {
  if (this.chunked) return true;
  if (this.untilEof) return !(info.statusCode === 204 || info.statusCode === 304);
  return this.remaining > 0;
};

Parser.prototype.finish = function() {
  if (this.state === 'body' && this.untilEof) {
    this.state = 'head';
    this.onMessageComplete();
  }
};

function parseHead(head, kind) {
  const lines = head.split('\r\n');
  const first = lines[0].split(' ');
  const info = { headers: {}, rawHeaders: [], versionMajor: 1, versionMinor: 1,
                 method: null, url: '', statusCode: null, statusMessage: '' };
  if (kind === 'request') {
    info.method = first[0];
    info.url = first[1];
    versionOf(info, first[2]);
  } else {
    versionOf(info, first[0]);
    info.statusCode = Number(first[1]);
    info.statusMessage = first.slice(2).join(' ');
  }
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(':');
    const name = lines[i].slice(0, colon);
    const value = lines[i].slice(colon + 1).trim();
    info.rawHeaders.push(name, value);
    const key = name.toLowerCase();
    if (info.headers[key] === undefined) info.headers[key] = value;
    else info.headers[key] += ', ' + value;
  }
  const connection = (info.headers.connection || '').toLowerCase();
  info.shouldKeepAlive = info.versionMinor >= 1 ? connection !== 'close'
    : connection === 'keep-alive';
  return info;
}

function versionOf(info, text) {
  const m = /^HTTP\/(\d)\.(\d)$/.exec(text || '');
  if (m) {
    info.versionMajor = Number(m[1]);
    info.versionMinor = Number(m[2]);
  }
}

// ---- IncomingMessage (_http_incoming.js) -------------------------------------------------------

function IncomingMessage(socket) {
  Readable.call(this, { autoDestroy: INCOMING_AUTO_DESTROY });
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.headers = {};
  this.rawHeaders = [];
  this.trailers = {};
  this.rawTrailers = [];
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  get() {
    return this.socket;
  },
});

IncomingMessage.prototype.setTimeout = function() {
  refuse('message.setTimeout()');
};

IncomingMessage.prototype._read = function(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
};

// _destroy: a message destroyed before its end is aborted; the callback comes from a tick
// (onError) either way, so its 'close' comes a tick after that
IncomingMessage.prototype._destroy = function(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
  }
  const onError = () => {
    if (this.listenerCount('error') === 0) cb();
    else cb(err);
  };
  if (INCOMING_DESTROY_TICK) process.nextTick(onError);
  else onError();
};

IncomingMessage.prototype._dump = function() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

function messageFrom(parser, info) {
  const incoming = parser.incoming = new IncomingMessage(parser.socket);
  incoming.httpVersionMajor = info.versionMajor;
  incoming.httpVersionMinor = info.versionMinor;
  incoming.httpVersion = info.versionMajor + '.' + info.versionMinor;
  incoming.url = info.url;
  incoming.upgrade = false;
  incoming.headers = info.headers;
  incoming.rawHeaders = info.rawHeaders;
  if (info.method !== null) {
    incoming.method = info.method;
  } else {
    incoming.statusCode = info.statusCode;
    incoming.statusMessage = info.statusMessage;
  }
  return incoming;
}

function parserOnBody(b) {
  const stream = this.incoming;
  if (stream === null) return;
  if (!stream._dumped) stream.push(Buffer.from(b));
}

function parserOnMessageComplete() {
  const stream = this.incoming;
  if (stream !== null) {
    stream.complete = true;
    stream.push(null);
  }
}

// ---- OutgoingMessage (_http_outgoing.js) --------------------------------------------------------

const kCorked = Symbol('kCorked');

function OutgoingMessage() {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this.socket = null;
  this._header = null;
  this._headers = null;
  this._closed = false;
  this._onPendingData = nop;
}

// Stream: the legacy stream, an EventEmitter
function Stream() {
  EventEmitter.call(this);
}
Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);

Object.defineProperty(OutgoingMessage.prototype, 'writableFinished', {
  get() {
    return this.finished && this.outputSize === 0 &&
      (!this.socket || this.socket.writableLength === 0);
  },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableEnded', {
  get() {
    return this.finished;
  },
});
Object.defineProperty(OutgoingMessage.prototype, 'headersSent', {
  get() {
    return !!this._header;
  },
});
Object.defineProperty(OutgoingMessage.prototype, 'connection', {
  get() {
    return this.socket;
  },
});

OutgoingMessage.prototype.setHeader = function(name, value) {
  if (this._header) {
    const err = new Error('Cannot set headers after they are sent to the client');
    err.code = 'ERR_HTTP_HEADERS_SENT';
    throw err;
  }
  if (this._headers === null) this._headers = {};
  this._headers[String(name).toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.getHeader = function(name) {
  if (this._headers === null) return undefined;
  const entry = this._headers[String(name).toLowerCase()];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaders = function() {
  const ret = Object.create(null);
  if (this._headers) {
    for (const key of Object.keys(this._headers)) ret[key] = this._headers[key][1];
  }
  return ret;
};

OutgoingMessage.prototype.hasHeader = function(name) {
  return this._headers !== null && !!this._headers[String(name).toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function(name) {
  if (this._header) {
    const err = new Error('Cannot remove headers after they are sent to the client');
    err.code = 'ERR_HTTP_HEADERS_SENT';
    throw err;
  }
  if (this._headers !== null) delete this._headers[String(name).toLowerCase()];
};

OutgoingMessage.prototype.setTimeout = function() {
  refuse('setTimeout() of a request or response');
};

OutgoingMessage.prototype.destroy = function(err) {
  refuse('destroy() of a request or response');
};

OutgoingMessage.prototype.pipe = function() {
  refuse('pipe() of a request or response');
};

// _storeHeader: the head of the message, with the headers Node adds (the Date, which differs
// from run to run, is left out)
OutgoingMessage.prototype._storeHeader = function(firstLine, headers) {
  let head = firstLine;
  let sawConnection = false;
  let sawLength = false;
  let sawTE = false;
  for (const key of Object.keys(headers)) {
    const [name, value] = headers[key];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) head += name + ': ' + v + '\r\n';
    if (key === 'connection') {
      sawConnection = true;
      if (/close/i.test(String(value))) this._last = true;
      else this.shouldKeepAlive = true;
    } else if (key === 'content-length') {
      sawLength = true;
    } else if (key === 'transfer-encoding') {
      sawTE = true;
      if (/chunked/i.test(String(value))) this.chunkedEncoding = true;
    }
  }
  if (!sawConnection) {
    const shouldSendKeepAlive = this.shouldKeepAlive &&
      (sawLength || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      head += 'Connection: close\r\n';
    } else if (shouldSendKeepAlive) {
      head += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        head += 'Keep-Alive: timeout=' + Math.floor(this._keepAliveTimeout / 1000) + '\r\n';
      }
    } else {
      this._last = true;
      head += 'Connection: close\r\n';
    }
  }
  if (!sawLength && !sawTE) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (typeof this._contentLength === 'number') {
      head += 'Content-Length: ' + this._contentLength + '\r\n';
    } else {
      head += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    }
  }
  this._header = head + '\r\n';
  this._headerSent = false;
};

OutgoingMessage.prototype._send = function(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    data = this._header + data;
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback);
};

OutgoingMessage.prototype._writeRaw = function(data, encoding, callback) {
  const conn = this.socket;
  if (conn && conn.destroyed) return false;
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) {
      this._flushOutput(conn);
    } else if (!EMPTY_WRITE_VIA_SOCKET && !data.length) {
      if (typeof callback === 'function') process.nextTick(callback);
      return true;
    }
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  return true;
};

function byteLength(chunk) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
}

function checkChunk(chunk) {
  if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) {
    internal.invalidArgType('chunk', 'string, Buffer, or Uint8Array', chunk);
  }
}

// write_: the chunk, and the socket corked until a tick when it is not from end()
function write_(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  if (chunk === null) {
    const err = new TypeError('May not write null values to stream');
    err.code = 'ERR_STREAM_NULL_VALUES';
    throw err;
  }
  checkChunk(chunk);
  if (msg.finished) {
    const err = new Error('write after end');
    err.code = 'ERR_STREAM_WRITE_AFTER_END';
    process.nextTick(() => {
      if (msg.socket) msg.socket.destroy(err);
      else msg.emit('error', err);
      callback(err);
    });
    return false;
  }
  if (!msg._header) {
    if (fromEnd) msg._contentLength = byteLength(chunk);
    msg._implicitHeader();
  }
  if (!msg._hasBody) {
    process.nextTick(callback);
    return true;
  }
  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }
  const text = typeof chunk === 'string' ? chunk : chunk.toString();
  if (msg.chunkedEncoding && text.length !== 0) {
    const len = byteLength(chunk);
    msg._send(len.toString(16), undefined, null);
    msg._send('\r\n', undefined, null);
    msg._send(text, encoding, null);
    return msg._send('\r\n', undefined, callback);
  }
  return msg._send(text, encoding, callback);
}

function connectionCorkNT(conn) {
  conn.uncork();
}

OutgoingMessage.prototype.write = function(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  return write_(this, chunk, encoding, callback, false);
};

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  outmsg.emit('finish');
}

// end([chunk][, encoding][, callback]): the chunk, then the terminating empty write (or the
// last chunk of a chunked body) whose callback emits 'finish' (onFinish).  Three forms:
//   - before 12.16/13.3 the socket is corked only around the chunk and uncorked once, so a
//     write() of the same tick (corked until connectionCorkNT) holds the rest back; before
//     12.3 an empty write calls back from a tick without reaching the socket (_writeRaw);
//   - then the socket is fully uncorked at the end;
//   - from 16.14/17.3 nothing is written when nothing is left: the callback comes from a tick.
OutgoingMessage.prototype.end = function(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (this.finished) {
    if (chunk && END_SKIPS_EMPTY_WRITE) {
      const err = new Error('write after end');
      err.code = 'ERR_STREAM_WRITE_AFTER_END';
      process.nextTick(() => {
        if (this.socket) this.socket.destroy(err);
        else this.emit('error', err);
        if (typeof callback === 'function') callback(err);
      });
    } else if (typeof callback === 'function' && END_FULL_UNCORK) {
      if (!this.writableFinished) this.on('finish', callback);
      else refuse('end(callback) of a message that has finished');
    }
    return this;
  }
  // (12.16 to 13.x cork at the start, not in these two branches: the same writes either way)
  let uncorkOnce = false;
  if (chunk) {
    checkChunk(chunk);
    if (this.socket) this.socket.cork();
    uncorkOnce = !END_FULL_UNCORK && !!this.socket;
    write_(this, chunk, encoding, null, true);
  } else if (!this._header) {
    if (this.socket && END_FULL_UNCORK) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  const finish = onFinish.bind(undefined, this);
  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', undefined, finish);
  } else if (!END_SKIPS_EMPTY_WRITE || !this._headerSent ||
             (this.socket && this.socket.writableLength) || chunk) {
    this._send('', undefined, finish);
  } else {
    process.nextTick(finish);
  }
  if (this.socket && END_FULL_UNCORK) {
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  } else if (uncorkOnce) {
    this.socket.uncork();
  }
  this[kCorked] = 0;
  this.finished = true;
  if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) {
    this._finish();
  }
  return this;
};

OutgoingMessage.prototype._finish = function() {
  this.emit('prefinish');
};

OutgoingMessage.prototype._flush = function() {
  const socket = this.socket;
  if (socket && socket.writable) {
    this._flushOutput(socket);
    if (this.finished) this._finish();
  }
};

OutgoingMessage.prototype._flushOutput = function(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const outputData = this.outputData;
  if (outputData.length <= 0) return undefined;
  socket.cork();
  let ret;
  for (let i = 0; i < outputData.length; i++) {
    const { data, encoding, callback } = outputData[i];
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  this.outputData = [];
  this.outputSize = 0;
  return ret;
};

OutgoingMessage.prototype.flushHeaders = function() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype.cork = function() {
  if (this.socket) this.socket.cork();
  else this[kCorked]++;
};

OutgoingMessage.prototype.uncork = function() {
  if (this.socket) this.socket.uncork();
  else if (this[kCorked]) this[kCorked]--;
};

// ---- ServerResponse and the Server (_http_server.js) -------------------------------------------

function ServerResponse(req) {
  OutgoingMessage.call(this);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._defaultKeepAlive = true;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) this.shouldKeepAlive = false;
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.statusMessage = undefined;

function onServerResponseClose() {
  if (this._httpMessage) emitCloseNT(this._httpMessage);
}

ServerResponse.prototype.assignSocket = function(socket) {
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function(socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype._implicitHeader = function() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function(statusCode, reason, obj) {
  if (this._header) {
    const err = new Error('Cannot write headers after they are sent to the client');
    err.code = 'ERR_HTTP_HEADERS_SENT';
    throw err;
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
    obj = reason;
  }
  this.statusCode = statusCode;
  let headers = this._headers || {};
  if (obj) {
    headers = Object.assign({}, headers);
    if (Array.isArray(obj)) {
      for (let i = 0; i + 1 < obj.length; i += 2) {
        headers[String(obj[i]).toLowerCase()] = [obj[i], obj[i + 1]];
      }
    } else {
      for (const k of Object.keys(obj)) headers[k.toLowerCase()] = [k, obj[k]];
    }
  }
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  this._storeHeader('HTTP/1.1 ' + statusCode + ' ' + this.statusMessage + '\r\n', headers);
  return this;
};

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = Object.assign({}, options);
  } else {
    internal.invalidArgType('options', 'object', options);
  }
  EventEmitter.call(this);
  this._handle = null;
  this._connections = 0;
  this._connectionsList = [];
  this.allowHalfOpen = true;
  this.httpAllowHalfOpen = false;
  this.keepAliveTimeout = 5000;
  this.timeout = 0;
  this.listening = false;
  this[kCheckInterval] = null;
  if (requestListener) this.on('request', requestListener);
  this.on('connection', connectionListener);
  if (CONNECTIONS_CHECKING) this.on('listening', setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

const kCheckInterval = Symbol('kConnectionsCheckingInterval');

function setupConnectionsTracking() {
  this[kCheckInterval] = setInterval(nop, 30000);
  this[kCheckInterval].unref();
}

// server.listen([port[, host[, backlog]]][, callback]) or listen({ port, host }[, callback]): the
// port asked for, or, for 0 or none, the next free one (from 41000)
Server.prototype.listen = function(...args) {
  const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  if (this._handle) {
    const err = new Error('Listen method has been called more than once without closing.');
    err.code = 'ERR_SERVER_ALREADY_LISTEN';
    throw err;
  }
  if (cb) this.once('listening', cb);
  let port = args[0];
  if (port !== null && typeof port === 'object') port = port.port;
  port = port === undefined || port === null ? 0 : Number(port);
  if (!(port >= 0 && port < 65536 && Math.floor(port) === port)) {
    refuse('server.listen() on the port ' + String(args[0]));
  }
  const handle = internal.tcpServer();
  handle.onconnection = (clientHandle) => onconnection(this, clientHandle);
  this._port = internal.tcpListen(handle, port);
  if (this._port < 0) {
    refuse('server.listen() on port ' + port + ', where a server of this program listens ' +
           'already (EADDRINUSE is not modelled)');
  }
  this._handle = handle;
  this.listening = true;
  // setupListenHandle: defaultTriggerAsyncIdScope(..., process.nextTick, emitListeningNT)
  process.nextTick(emitListeningNT, this);
  return this;
};

function emitListeningNT(self) {
  if (self._handle) self.emit('listening');
}

Server.prototype.address = function() {
  if (!this._handle) return null;
  return { address: '::', family: 'IPv6', port: this._port };
};

// net.js onconnection: a Socket over the accepted handle, then 'connection'
function onconnection(self, clientHandle) {
  const socket = new Socket(clientHandle, self);
  self._connections++;
  self._connectionsList.push(socket);
  self.emit('connection', socket);
}

// server.close([cb]): from 19 the idle connections are closed first (httpServerPreClose)
Server.prototype.close = function(cb) {
  if (KEEP_ALIVE_DEFAULT) this.closeIdleConnections();
  if (CONNECTIONS_CHECKING && this[kCheckInterval]) clearInterval(this[kCheckInterval]);
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        const err = new Error('Server is not running.');
        err.code = 'ERR_SERVER_NOT_RUNNING';
        cb(err);
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    internal.tcpClose(this._handle);
    this._handle = null;
  }
  this.listening = false;
  this._emitCloseIfDrained();
  return this;
};

Server.prototype.closeIdleConnections = function() {
  for (const socket of this._connectionsList.slice()) {
    if (socket.destroyed || !socket._httpIdle) continue;
    if (socket._httpMessage && !socket._httpMessage.finished) continue;
    socket.destroy();
  }
};

Server.prototype.closeAllConnections = function() {
  for (const socket of this._connectionsList.slice()) {
    if (!socket.destroyed) socket.destroy();
  }
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitServerCloseNT, this);
};

function emitServerCloseNT(self) {
  self.emit('close');
}

Server.prototype.ref = ref;
Server.prototype.unref = unref;

Server.prototype.setTimeout = function() {
  refuse('server.setTimeout()');
};

// connectionListener: a parser consumes the socket's reads (parser.consume)
function connectionListener(socket) {
  const server = this;
  const parser = new Parser('request');
  parser.socket = socket;
  socket.parser = parser;
  const state = { incoming: [], outgoing: [] };
  socket.on('timeout', socketOnTimeout);
  socket.on('error', socketOnError);
  socket.on('end', () => socketOnEnd(server, socket, parser, state));
  socket.on('close', () => socketOnClose(server, socket, state));
  parser.onHeadersComplete = (info) => {
    socket._httpIdle = false;
    return parserOnIncoming(server, socket, state, messageFrom(parser, info),
                            info.shouldKeepAlive);
  };
  parser.onBody = parserOnBody;
  parser.onMessageComplete = function() {
    parserOnMessageComplete.call(this);
    socket._httpIdle = true;
  };
  socket._httpIdle = true;
  socket._consumer = (data) => parser.execute(data);
}

// an idle connection's timeout (keepAliveTimeout, set by resOnFinish): destroyed unless a
// listener of the request, the response or the server takes it
function socketOnTimeout() {
  const req = this.parser && this.parser.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnError(e) {
  this.destroy(e);
}

function socketOnClose(server, socket, state) {
  const i = server._connectionsList.indexOf(socket);
  if (i >= 0) server._connectionsList.splice(i, 1);
  socket.parser = null;
  while (state.incoming.length) {
    const req = state.incoming.shift();
    const err = new Error('aborted');
    err.code = 'ECONNRESET';
    req.destroy(err);
  }
}

function socketOnEnd(server, socket, parser, state) {
  if (!server.httpAllowHalfOpen) {
    socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else {
    socket.end();
  }
}

// clearIncoming: the parser lets go of the request once it has ended; from 12.17/13.13 to
// 15.x that is when the request's 'close' is emitted (a listener of 'end' after the program's)
function clearIncoming(req) {
  req = req || this;
  const parser = req.socket && req.socket.parser;
  const emits = CLEAR_INCOMING_CLOSE && !INCOMING_AUTO_DESTROY;
  if (parser && parser.incoming === req) {
    if (req.readableEnded) {
      parser.incoming = null;
      if (emits) req.emit('close');
    } else {
      req.on('end', clearIncoming);
    }
  } else if (emits) {
    req.emit('close');
  }
}

function resOnFinish(req, res, socket, state, server) {
  state.incoming.shift();
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  // before 12.17/13.13 the request's 'close' is emitted here, before the program's 'finish'
  if (CLEAR_INCOMING_CLOSE) clearIncoming(req);
  else req.emit('close');
  process.nextTick(emitCloseNT, res);
  if (res._last) {
    socket.destroySoon();
  } else if (state.outgoing.length === 0) {
    // with a second more from 20.x (HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER; taken from 19 here)
    if (server.keepAliveTimeout) {
      socket.setTimeout(server.keepAliveTimeout + (KEEP_ALIVE_DEFAULT ? 1000 : 0));
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

function parserOnIncoming(server, socket, state, req, keepAlive) {
  if (socket[kTimeout]) socket.setTimeout(0);
  state.incoming.push(req);
  const res = new ServerResponse(req);
  res._keepAliveTimeout = server.keepAliveTimeout;
  res.shouldKeepAlive = keepAlive;
  if (socket._httpMessage) state.outgoing.push(res);
  else res.assignSocket(socket);
  res.on('finish', resOnFinish.bind(undefined, req, res, socket, state, server));
  if (req.headers.expect !== undefined) refuse('a request with an Expect header');
  if (req.headers.upgrade !== undefined && server.listenerCount('upgrade') > 0) {
    refuse('an upgrade');
  }
  server.emit('request', req, res);
  return false;
}

// ---- the Agent and ClientRequest (_http_agent.js, _http_client.js) -----------------------------

function Agent(options) {
  EventEmitter.call(this);
  this.options = Object.assign({}, options);
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = Infinity;
  this.sockets = Object.create(null);
  this.freeSockets = Object.create(null);
  this.requests = Object.create(null);
  this.on('free', (socket, opts) => agentOnFree(this, socket, opts));
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

Agent.prototype.getName = function(options) {
  return (options.host || 'localhost') + ':' + (options.port || '') + ':';
};

function agentOnFree(agent, socket, options) {
  const name = agent.getName(options);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !agent.keepAlive) {
    socket.destroy();
    return;
  }
  // keepSocketAlive: unref'd, with the agent's timeout
  socket.setKeepAlive(true);
  socket.unref();
  if (agent.options.timeout) socket.setTimeout(agent.options.timeout);
  socket._httpMessage = null;
  removeSocket(agent, socket, options);
  (agent.freeSockets[name] = agent.freeSockets[name] || []).push(socket);
}

function removeSocket(agent, socket, options) {
  const name = agent.getName(options);
  for (const sets of [agent.sockets, agent.freeSockets]) {
    const list = sets[name];
    if (!list) continue;
    const i = list.indexOf(socket);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) delete sets[name];
  }
}

Agent.prototype.addRequest = function(req, options) {
  const name = this.getName(options);
  if (!this.sockets[name]) this.sockets[name] = [];
  const free = this.freeSockets[name];
  let socket;
  if (free) {
    while (free.length && free[0].destroyed) free.shift();
    socket = free.pop(); // scheduling 'lifo'
    if (!free.length) delete this.freeSockets[name];
  }
  if (socket) {
    socket.ref();
    socket.setTimeout(0);
    socket._httpMessage = req;
    req.reusedSocket = true;
    req.onSocket(socket);
    this.sockets[name].push(socket);
  } else {
    const s = new Socket(null, null);
    installListeners(this, s, options);
    s.connect(options);
    this.sockets[name].push(s);
    s._httpMessage = req;
    req.onSocket(s);
  }
};

function installListeners(agent, s, options) {
  s.on('free', () => agent.emit('free', s, options));
  s.on('close', () => removeSocket(agent, s, options));
  s.on('timeout', () => {
    const list = agent.freeSockets[agent.getName(options)];
    if (list && list.includes(s)) s.destroy();
  });
}

const globalAgent = KEEP_ALIVE_DEFAULT
  ? new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 })
  : new Agent();

function urlToOptions(input) {
  const m = /^http:\/\/([^/:?#]+|\[[^\]]+\])(?::(\d+))?([^#]*)/.exec(input);
  if (!m) {
    const err = new TypeError('Invalid URL');
    err.code = 'ERR_INVALID_URL';
    err.input = input;
    throw err;
  }
  const host = m[1].replace(/^\[|\]$/g, '');
  return { protocol: 'http:', hostname: host, host, port: m[2] ? Number(m[2]) : 80,
           path: m[3] || '/' };
}

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    input = urlToOptions(input);
  } else if (input && typeof input === 'object' && input.href !== undefined) {
    input = urlToOptions(String(input.href));
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign({}, input || {}, options || {});
  }
  if (options.agent !== undefined && options.agent !== globalAgent) {
    refuse('a request with an agent option (loopsim models the global agent)');
  }
  if (options.timeout !== undefined) refuse('a request\'s timeout option');
  if (options.signal !== undefined) refuse('a request\'s signal option');
  if (options.socketPath !== undefined) refuse('a request over a socketPath');
  const agent = globalAgent;
  this.agent = agent;
  const host = options.host = options.hostname || options.host || 'localhost';
  const port = options.port = options.port || 80;
  this.path = options.path || '/';
  this.method = (options.method || 'GET').toUpperCase();
  this.host = host;
  this.protocol = 'http:';
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this._ended = false;
  if (cb) this.once('response', cb);
  if (this.method === 'GET' || this.method === 'HEAD' || this.method === 'DELETE' ||
      this.method === 'OPTIONS' || this.method === 'TRACE' || this.method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }
  this._headers = {};
  if (options.headers) {
    for (const k of Object.keys(options.headers)) {
      this.setHeader(k, options.headers[k]);
    }
  }
  if (!this.getHeader('host')) {
    let hostHeader = host.indexOf(':') >= 0 ? '[' + host + ']' : host;
    if (port && +port !== 80) hostHeader += ':' + port;
    this.setHeader('Host', hostHeader);
  }
  // the agent decides: keep-alive only with a keepAlive agent (before 19, the global agent
  // sends 'Connection: close')
  if (!agent.keepAlive && !Number.isFinite(agent.maxSockets)) {
    this._last = true;
    this.shouldKeepAlive = false;
  } else {
    this._last = false;
    this.shouldKeepAlive = true;
  }
  // the head is stored at the first write or end() (_implicitHeader), so headers set until
  // then go with it, and a body given to end() alone gets a Content-Length
  agent.addRequest(this, options);
  // before 14.17/15.7 the request is flushed from a 'socket' listener of its own, added here
  // (so before the program's), once the socket is writable (_deferToConnect)
  if (!FLUSH_AFTER_SOCKET) {
    this.once('socket', () => {
      if (this.socket.writable) this._flush();
      else this.socket.once('connect', () => this._flush());
    });
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

ClientRequest.prototype._implicitHeader = function() {
  if (this._header) {
    const err = new Error('Cannot set headers after they are sent to the client');
    err.code = 'ERR_HTTP_HEADERS_SENT';
    throw err;
  }
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this._headers || {});
};

ClientRequest.prototype.abort = function() {
  refuse('request.abort()');
};

ClientRequest.prototype.setNoDelay = function() {};
ClientRequest.prototype.setSocketKeepAlive = function() {};

// onSocket: the socket is taken from a tick (onSocketNT)
ClientRequest.prototype.onSocket = function(socket) {
  process.nextTick(onSocketNT, this, socket);
};

function onSocketNT(req, socket) {
  tickOnSocket(req, socket);
  if (FLUSH_AFTER_SOCKET) req._flush();
}

function tickOnSocket(req, socket) {
  const parser = new Parser('response');
  req.socket = socket;
  parser.socket = socket;
  parser.outgoing = req;
  req.parser = parser;
  socket.parser = parser;
  socket._httpMessage = req;
  parser.onHeadersComplete = (info) => parserOnIncomingClient.call(parser,
                                                                   messageFrom(parser, info),
                                                                   info.shouldKeepAlive);
  parser.onBody = parserOnBody;
  parser.onMessageComplete = parserOnMessageComplete;
  socket.on('error', socketErrorListener);
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('close', socketCloseListener);
  req.emit('socket', socket);
}

function socketErrorListener(err) {
  const req = this._httpMessage;
  if (req) {
    req.socket._hadError = true;
    req.emit('error', err);
  }
  this.destroy();
}

function socketOnData(d) {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  parser.execute(d.toString());
  // a complete response: the socket's reads are no longer the request's
  if (parser.incoming && parser.incoming.complete) {
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.parser = null;
    if (req) req.parser = null;
  }
}

function socketOnEnd() {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!req.res && !req.socket._hadError) {
    req.socket._hadError = true;
    const err = new Error('socket hang up');
    err.code = 'ECONNRESET';
    req.emit('error', err);
  }
  if (parser) parser.finish();
  socket.destroy();
}

function socketCloseListener() {
  const socket = this;
  const req = socket._httpMessage;
  const parser = socket.parser;
  const res = req.res;
  req.destroyed = true;
  if (res && !INCOMING_AUTO_DESTROY) {
    // before 16 the response's 'close' is emitted here, after the request's, or at its 'end'
    if (!res.complete) {
      res.aborted = true;
      res.emit('aborted');
    }
    req.emit('close');
    if (res.readable) {
      res.on('end', function() {
        this.emit('close');
      });
      res.push(null);
    } else {
      res.emit('close');
    }
  } else if (res) {
    if (!res.complete) {
      res.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    }
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) {
      res.push(null);
    }
  } else {
    if (!req.socket._hadError) {
      req.socket._hadError = true;
      const err = new Error('socket hang up');
      err.code = 'ECONNRESET';
      req.emit('error', err);
    }
    req._closed = true;
    req.emit('close');
  }
  if (parser) {
    parser.finish();
    socket.parser = null;
  }
}

function parserOnIncomingClient(res, shouldKeepAlive) {
  const socket = this.socket;
  const req = socket._httpMessage;
  if (req.res) {
    socket.destroy();
    return false;
  }
  req.res = res;
  if (res.statusCode >= 100 && res.statusCode < 200) refuse('an informational response');
  if (req.shouldKeepAlive && !shouldKeepAlive) req.shouldKeepAlive = false;
  res.req = req;
  res.on('end', responseOnEnd);
  req.on('finish', requestOnFinish);
  if (req.aborted || !req.emit('response', res)) res._dump();
  if (req.method === 'HEAD') return true;
  if (res.statusCode === 304) {
    res.complete = true;
    return true;
  }
  return false;
}

function responseKeepAlive(req) {
  const socket = req.socket;
  socket.removeListener('close', socketCloseListener);
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  process.nextTick(emitFreeNT, req);
  req.destroyed = true;
  if (req.res) req.res.socket = null;
}

function responseOnEnd() {
  const req = this.req;
  const socket = req.socket;
  req._ended = true;
  if (!req.shouldKeepAlive) {
    if (socket.writable) socket.destroySoon();
  } else if (req.writableFinished && !this.aborted) {
    responseKeepAlive(req);
  }
}

function requestOnFinish() {
  if (this.shouldKeepAlive && this._ended) responseKeepAlive(this);
}

function emitFreeNT(req) {
  req._closed = true;
  req.emit('close');
  if (req.socket) req.socket.emit('free');
}

// ---- the module ---------------------------------------------------------------------------------

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

module.exports = {
  METHODS: METHODS.slice(),
  STATUS_CODES,
  Agent: function() {
    refuse('new http.Agent() (loopsim models the global agent)');
  },
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  get,
  request,
  globalAgent,
  maxHeaderSize: 16384,
};
