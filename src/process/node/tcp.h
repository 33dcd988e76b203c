/* tcp.h - loopback TCP streams for the prelude's http (Node's TCPWrap and LibuvStreamWrap over
 * libuv's uv_tcp_t), as require('internal') gives them: handles, connect, the bytes each way, the
 * FIN each way, and the handle's close.
 *
 * The rules (from libuv's source at the version each names; docs/model.md, "http"):
 *   - a connect to a listening handle completes in the next poll phase (on loopback the
 *     handshake is done within connect(2)); the server's accept and then the client's connect run there, each in a callback
 *     scope of its own (the listening socket was in epoll first); before libuv 1.45 every
 *     connection waiting is accepted at once, from 1.45 one per poll phase (profile.def
 *     uv_single_accept);
 *   - the descriptors ready in one poll phase run in the order epoll reports them (io.c
 *     epoll_order: those it reported last time first);
 *   - a write on loopback completes at once (uv_try_write takes every byte: Node's
 *     StreamBase::Write reports it synchronous, so its callback is the caller's to schedule);
 *     the bytes are readable by the peer from then, and read by its first poll phase that
 *     starts after (a descriptor is read when epoll_wait reports it; epoll_wait was called
 *     before the callback that wrote);
 *   - a read takes every byte there is; a FIN behind bytes is read by a later poll phase
 *     (src/unix/stream.c uv__read: a short read ends the reading for this poll);
 *   - a shutdown (uv_shutdown) completes in the next poll phase, when the descriptor is
 *     writable (uv__drain from uv__stream_io); from libuv 1.44.2, with nothing left to write,
 *     from the pending queue: right after the poll phase that asked, or in the next
 *     iteration's pending phase (profile.def uv_shutdown_from_pending); the FIN is sent then;
 *   - uv_close: the callback runs in the close phase; a handle that had not sent its FIN sends it
 *     (the kernel does, on close()).
 */
#ifndef LOOPSIM_TCP_H
#define LOOPSIM_TCP_H

#include "fp.h"
#include "js.h"
#include "types.h"

typedef struct ls_tcp ls_tcp;

typedef struct {
    ls_tcp *all;     /* every handle made, newest first */
    int count;       /* made, for labels and ports */
} ls_tcp_state;

/* internal.tcpServer, tcpListen, tcpConnect, tcpReadStart, tcpReadStop, tcpWrite, tcpShutdown,
 * tcpClose, tcpRef: see tcp.c */
void tcp_internal_bindings(ls_engine *e, js_object *on);
void tcp_mark(ls_engine *e, js_vm *vm);
/* walks every open handle (its flags, bytes not read, place in epoll's list, its object) */
void tcp_fingerprint(ls_engine *e, ls_fp *fp);

#endif
