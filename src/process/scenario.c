/* scenario.c - the names of node kinds (see scenario.h): the JSON operation key each kind is written as. */
#include "scenario.h"

static const char *const kind_names[LS_N__COUNT] = {
    [LS_N_LITERAL] = "literal",
    [LS_N_VAR] = "var",
    [LS_N_FUNCTION] = "function",
    [LS_N_THENABLE] = "thenable",
    [LS_N_LOG] = "console.log",
    [LS_N_CALL] = "call",
    [LS_N_LET] = "let",
    [LS_N_SET] = "set",
    [LS_N_INCREMENT] = "increment",
    [LS_N_IF] = "if",
    [LS_N_RETURN] = "return",
    [LS_N_THROW] = "throw",
    [LS_N_AWAIT] = "await",
    [LS_N_BUSY] = "busy",
    [LS_N_SET_TIMEOUT] = "setTimeout",
    [LS_N_SET_INTERVAL] = "setInterval",
    [LS_N_SET_IMMEDIATE] = "setImmediate",
    [LS_N_CLEAR_TIMEOUT] = "clearTimeout",
    [LS_N_CLEAR_INTERVAL] = "clearInterval",
    [LS_N_CLEAR_IMMEDIATE] = "clearImmediate",
    [LS_N_UNREF] = "unref",
    [LS_N_REF] = "ref",
    [LS_N_REFRESH] = "refresh",
    [LS_N_NEXT_TICK] = "process.nextTick",
    [LS_N_QUEUE_MICROTASK] = "queueMicrotask",
    [LS_N_NEW_PROMISE] = "new Promise",
    [LS_N_PROMISE_RESOLVE] = "Promise.resolve",
    [LS_N_PROMISE_REJECT] = "Promise.reject",
    [LS_N_PROMISE_ALL] = "Promise.all",
    [LS_N_PROMISE_RACE] = "Promise.race",
    [LS_N_THEN] = "then",
    [LS_N_CATCH] = "catch",
    [LS_N_FINALLY] = "finally",
    [LS_N_FS] = "fs",
    [LS_N_FS_PROMISE] = "fs.promises",
    [LS_N_FS_STREAM] = "fs stream",
    [LS_N_NEW_EMITTER] = "new EventEmitter",
    [LS_N_ON] = "on",
    [LS_N_EMIT] = "emit",
    [LS_N_PROCESS_EXIT] = "process.exit",
    [LS_N_NET_SERVER] = "net.createServer",
    [LS_N_LISTEN] = "listen",
    [LS_N_CONNECT] = "net.connect",
    [LS_N_DESTROY] = "destroy",
    [LS_N_SERVER_CLOSE] = "close",
};

/* LS_N_FS is "fs" (the node's fs_op says "fs.readFile" or "fs.stat"); LS_N_ON is "on" (a NULL
 * emitter means "process.on"). */
/* what the fs calls of the JSON format are in JavaScript: the file written is one of the
 * scenario's own, in the working directory (real Node runs it in a directory of its own) */
const ls_fs_op_info ls_fs_ops[LS_FS__COUNT] = {
    [LS_FS_READ_FILE] = {"fs.readFile", "fs.readFile(__filename, ", "fs"},
    [LS_FS_STAT] = {"fs.stat", "fs.stat(__filename, ", "fs"},
    [LS_FS_WRITE_FILE] = {"fs.writeFile", "fs.writeFile('loopsim-scenario.txt', 'x', ", "fs"},
    [LS_FS_APPEND_FILE] = {"fs.appendFile", "fs.appendFile('loopsim-scenario.txt', 'x', ", "fs"},
    [LS_FS_ACCESS] = {"fs.access", "fs.access(__filename, ", "fs"},
    [LS_FS_OPEN] = {"fs.open", "fs.open(__filename, 'r', ", "fs"},
    [LS_FS_READ] = {"fs.read", "fs.read(fs.openSync(__filename, 'r'), Buffer.alloc(64), 0, 64, null, ", "fs"},
    [LS_FS_PBKDF2] = {"crypto.pbkdf2", "crypto.pbkdf2('secret', 'salt', 1000, 64, 'sha512', ", "crypto"},
    [LS_FS_RANDOM_BYTES] = {"crypto.randomBytes", "crypto.randomBytes(16, ", "crypto"},
    [LS_FS_GZIP] = {"zlib.gzip", "zlib.gzip('loopsim', ", "zlib"},
};

const ls_fs_op_info ls_fsp_ops[LS_FSP__COUNT] = {
    [LS_FSP_READ_FILE] = {"fs.promises.readFile", "fs.promises.readFile(__filename)", "fs"},
    [LS_FSP_STAT] = {"fs.promises.stat", "fs.promises.stat(__filename)", "fs"},
    [LS_FSP_WRITE_FILE] = {"fs.promises.writeFile",
                           "fs.promises.writeFile('loopsim-scenario.txt', 'x')", "fs"},
};

const ls_fs_op_info ls_fss_ops[LS_FSS__COUNT] = {
    [LS_FSS_READ] = {"fs.createReadStream", "fs.createReadStream(__filename)", "fs"},
    [LS_FSS_WRITE] = {"fs.createWriteStream",
                      "fs.createWriteStream('loopsim-stream.txt').end('x')", "fs"},
};

const char *ls_kind_name(ls_kind kind)
{
    if ((int)kind < 0 || kind >= LS_N__COUNT || !kind_names[kind])
        return "?";
    return kind_names[kind];
}
