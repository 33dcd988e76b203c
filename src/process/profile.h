/* profile.h - the Node version profiles of profile.def, and the mapping from a version. */
#ifndef LOOPSIM_PROFILE_H
#define LOOPSIM_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "js.h"

typedef enum { ESM_NONE, ESM_IN_POLL, ESM_BEFORE_LOOP } ls_esm_entry;

/* A browser's columns (profile.def LS_BROWSER): the page's event loop, html.c and window.c. */
typedef struct {
    const char *name;          /* "Chromium" */
    int timer_clamp_nesting;   /* DOMTimer: the nesting level from which short delays clamp */
    double timer_clamp_ms;     /* ... to this minimum */
    double script_start_ms;    /* performance.now() when the page's script starts */
    double starve_after_ms;    /* no frame this long: the frame task goes first */
} ls_browser;

typedef struct {
    const char *id;
    const char *first, *last;  /* the versions it covers */
    bool is_browser;           /* a browser's profile (LS_BROWSER): `browser` holds its columns,
                                * the language is the newest Node's and the
                                * `process` features are off */
    ls_browser browser;
    bool drain_per_callback;
    bool timer_per_list;
    bool fractional_lists;
    bool await_direct;
    bool has_queue_microtask;
    bool poll_idle_metrics;
    bool loop_timers_at_end;
    bool unhandled_rejections_throw;
    ls_esm_entry esm_entry;
    bool server_end_waits_for_shutdown;
    double bootstrap_ms;
    int first_fd;
    /* from the LS_FEATURE rows of profile.def, by the profile's first version */
    js_features language;
    struct {
        bool global_performance;
        bool import_meta_filename;
        bool node_prefix_require;
        bool node_prefix_import;
        bool events_once;
        bool events_on;
        bool timers_promises;
        bool abort_controller;
        bool fatal_version_trailer;
        bool trace_uncaught_hint;
        bool multiple_resolves;
        bool error_name_plain;
        bool error_code_own;
        bool stdout_pipe_fd;
        bool invalid_callback_received;
        bool fs_validate_function;
        bool readfile_big_chunks;
        bool timeout_to_primitive;
        bool buffer_inspect_more_bytes;
        bool arg_type_received_plain;
        bool pbkdf2_digest_required;
        bool random_bytes_zero_sync;
        bool zlib_callback_checked;
        bool zlib_error_from_tick;
        bool zlib_deflate_chromium;
        bool fs_promises_stable;
        bool fs_promises_module;
        bool fs_promises_read_to_size;
        bool fs_streams_construct;
        bool fs_stream_emit_close;
        bool fs_stream_final_waits_open;
        bool fs_stream_io_done;
        bool readable_emitted_reset;
        bool fs_stream_pending;
        bool readable_stops_flowing;
        bool readable_state_bits;
        bool readable_add_chunk_needs_listener;
        bool pipe_drain_lazy;
        bool pipe_checks_need_drain;
        bool pipe_drain_resumes;
        bool readable_update_resumes;
        bool unpipe_pauses;
        bool stream_default_hwm_64k;
        bool stream_state_getters;
        bool uv_single_accept;
        bool uv_shutdown_from_pending;
        bool http_empty_write_via_socket;
        bool http_end_full_uncork;
        bool http_clear_incoming_close;
        bool net_end_waits_shutdown;
        bool net_final_shuts_down_after_eof;
        bool net_socket_auto_destroy;
        bool http_flush_after_socket;
        bool http_incoming_auto_destroy;
        bool http_end_skips_empty_write;
        bool http_incoming_destroy_tick;
        bool http_keep_alive_default;
        bool http_connections_checking;
        bool stream_finish_tick;
        bool filehandle_fd_cleared;
        bool open_flags_default;
        bool filehandle_closed_check;
        bool fs_close_callback_optional;
        bool fs_read_callback_checked;
        bool fs_read_offset_validated;
        bool fs_read_options;
        bool fs_read_sync_object_options;
        bool fs_read_sync_options;
        bool fs_read_buffer_options;
    } process;
} ls_profile;

/* Filled once, before main() runs (the LS_FEATURE columns are computed from the versions). */
extern const ls_profile *const ls_profiles;
extern const size_t ls_profile_count;

/* The browser profiles (LS_BROWSER rows), and the one `--env browser` means. */
extern const ls_profile *const ls_browser_profiles;
extern const size_t ls_browser_profile_count;
const ls_profile *profile_browser_default(void);

/* What a profile covers, for headings: "Node 20.3.0 to 20.9.99" or "Chromium 156". */
const char *profile_versions(const ls_profile *p, char *buf, size_t size);
/* A range of Node versions as headings write it: "10.0.0 to 11.99.99", or "22.0.0 and later"
 * when it reaches the newest profile's open end (its last version is 99.99.99). */
const char *profile_range(const char *first, const char *last, char *buf, size_t size);

/* The profile of Node 20.3+, what `node` on the machines here is (20.20.2). */
const ls_profile *profile_default(void);
/* The profile for a version written "20", "20.3", "20.3.0" or "v10.7.0": a missing part means
 * that line's latest release ("20" is 20.x's latest, so 20.3+).  NULL if it is not a version
 * or older than 10.0.0. */
const ls_profile *profile_for_version(const char *version);
/* -1, 0 or 1 as version a is before, the same as, or after b ("20.3.0" style); a version
 * that does not parse sorts first. */
int profile_compare_versions(const char *a, const char *b);

/* The LS_FEATURE rows, for tests and `loopsim profiles`. */
typedef struct {
    const char *group, *field, *first, *backport, *what;
} ls_feature_info;
extern const ls_feature_info ls_feature_table[];
extern const size_t ls_feature_count;

/* fs.readFile of a small file: open, fstat, read, close, each a thread-pool round trip
 * (lib/internal/fs/read_file_context.js, read/context.js) in every version profiled (R7.2). */
#define LS_READFILE_TRIPS 4

#endif
