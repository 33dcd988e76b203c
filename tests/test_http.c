/* test_http.c - unit tests for loopback TCP (src/process/node/tcp.c) and the prelude's http
 * (src/process/node/prelude/http.js): one test per rule, each output the one real Node printed
 * for the same program (scenarios/rules/http-*.js record them on five versions). */
#include <check.h>

#include "check_main.h"
#include "engine_harness.h"

/* a server on 127.0.0.1 and one http.get, with the loop iteration counted by an immediate chain
 * (scenarios/rules/http-one-poll-phase-per-hop.js) */
static const char HOPS[] =
    "const http = require('http');\n"
    "let it = 0;\n"
    "const mark = () => { it++; if (it < 6) setImmediate(mark); };\n"
    "mark();\n"
    "const server = http.createServer((req, res) => { console.log('request@' + it); "
    "res.end('x'); });\n"
    "server.on('connection', () => console.log('connection@' + it));\n"
    "server.listen(0, '127.0.0.1', () => {\n"
    "  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {\n"
    "    console.log('response@' + it);\n"
    "    res.on('data', () => console.log('data@' + it));\n"
    "    res.on('end', () => { console.log('end@' + it); server.close(); });\n"
    "  }).on('close', () => console.log('close@' + it));\n"
    "});\n";

START_TEST(test_each_hop_is_read_by_the_next_poll_phase)
{
    /* the FIN behind the response is read one poll later (a short read), and the client's
     * socket closes in that iteration's close phase */
    expect_run_on("16.20.2", HOPS,
                  "connection@1 request@2 response@3 data@3 end@3 close@5", 0, STOP_NONE);
}
END_TEST

START_TEST(test_a_shutdown_with_nothing_to_write_runs_from_the_pending_queue_from_libuv_1_44_2)
{
    /* the client's own shutdown runs right after the poll phase that asked for it, so its
     * socket closes in that iteration */
    expect_run_on("18.12.0", HOPS,
                  "connection@1 request@2 response@3 data@3 end@3 close@5", 0, STOP_NONE);
    expect_run_on("18.13.0", HOPS,
                  "connection@1 request@2 response@3 data@3 end@3 close@4", 0, STOP_NONE);
}
END_TEST

START_TEST(test_a_kept_alive_request_closes_from_a_tick_at_the_response_end)
{
    expect_run_on("20.20.2", HOPS,
                  "connection@1 request@2 response@3 data@3 end@3 close@3", 0, STOP_NONE);
}
END_TEST

/* two requests made in one tick (scenarios/rules/http-two-connections-...js) */
static const char TWO[] =
    "const http = require('http');\n"
    "const server = http.createServer((req, res) => res.end(req.url));\n"
    "server.on('connection', () => console.log('connection'));\n"
    "server.listen(0, () => {\n"
    "  let n = 0;\n"
    "  for (const p of ['/1', '/2']) {\n"
    "    const r = http.get({ host: '127.0.0.1', port: server.address().port, path: p }, "
    "(res) => {\n"
    "      res.resume();\n"
    "      res.on('end', () => { if (++n === 2) server.close(); });\n"
    "    });\n"
    "    r.on('socket', (s) => s.on('connect', () => console.log('connect ' + p)));\n"
    "    r.on('close', () => console.log('close ' + p));\n"
    "  }\n"
    "});\n";

START_TEST(test_libuv_before_1_45_accepts_every_waiting_connection_at_once)
{
    expect_run_on("20.0.0", TWO,
                  "connection connection connect /1 connect /2 close /1 close /2", 0, STOP_NONE);
    expect_run_on("20.3.0", TWO,
                  "connection connect /1 connect /2 connection close /1 close /2", 0, STOP_NONE);
}
END_TEST

START_TEST(test_handles_closed_in_one_iteration_close_newest_first)
{
    /* both client sockets read the server's FIN in one poll phase; libuv's closing list is a
     * stack */
    expect_run_on("16.20.2", TWO,
                  "connection connection connect /1 connect /2 close /2 close /1", 0, STOP_NONE);
}
END_TEST

static const char REQ_CLOSE[] =
    "const http = require('http');\n"
    "const server = http.createServer((req, res) => {\n"
    "  req.on('end', () => console.log('req end'));\n"
    "  req.on('close', () => console.log('req close'));\n"
    "  res.on('finish', () => console.log('res finish'));\n"
    "  res.on('close', () => console.log('res close'));\n"
    "  req.resume();\n"
    "  res.end();\n"
    "});\n"
    "server.listen(0, () => {\n"
    "  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {\n"
    "    res.resume();\n"
    "    res.on('end', () => { console.log('end'); server.close(); });\n"
    "    res.on('close', () => console.log('cres close'));\n"
    "  }).on('close', () => console.log('creq close'));\n"
    "  server.on('close', () => console.log('server close'));\n"
    "});\n";

START_TEST(test_the_server_request_close_moves_by_version)
{
    expect_run_on("10.7.0", REQ_CLOSE, "req close res finish req end res close end "
                  "server close creq close cres close", 0, STOP_NONE);
    expect_run_on("12.22.12", REQ_CLOSE, "res finish req end req close res close end "
                  "server close creq close cres close", 0, STOP_NONE);
    expect_run_on("16.20.2", REQ_CLOSE, "res finish req end res close req close end "
                  "server close cres close creq close", 0, STOP_NONE);
    expect_run_on("20.20.2", REQ_CLOSE, "res finish req end res close req close end "
                  "creq close server close cres close", 0, STOP_NONE);
}
END_TEST

START_TEST(test_process_exit_in_a_timer_ends_the_run_while_a_server_listens)
{
    /* on the profiles whose timers run at an iteration's start, no poll phase may wait after */
    const char *text = "require('http').createServer().listen(0);\n"
                       "setTimeout(() => { console.log('x'); process.exit(0); }, 10);\n";
    expect_run_on("10.7.0", text, "x", 0, STOP_PROCESS_EXIT);
    expect_run_on("20.20.2", text, "x", 0, STOP_PROCESS_EXIT);
}
END_TEST

START_TEST(test_a_connection_to_a_port_no_server_listens_on_is_refused)
{
    ls_program *p = load("require('http').get('http://127.0.0.1:9/', () => {});");
    ls_engine *e = engine_for(p);
    engine_run(e);
    ck_assert_int_eq(e->stop, STOP_BAD_INPUT);
    ck_assert_ptr_nonnull(strstr(e->stop_message, "no server of this program listens"));
    engine_free(e);
    program_free(p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("http");
    TCase *t = tcase_create("http");
    tcase_add_test(t, test_each_hop_is_read_by_the_next_poll_phase);
    tcase_add_test(t, test_a_shutdown_with_nothing_to_write_runs_from_the_pending_queue_from_libuv_1_44_2);
    tcase_add_test(t, test_a_kept_alive_request_closes_from_a_tick_at_the_response_end);
    tcase_add_test(t, test_libuv_before_1_45_accepts_every_waiting_connection_at_once);
    tcase_add_test(t, test_handles_closed_in_one_iteration_close_newest_first);
    tcase_add_test(t, test_the_server_request_close_moves_by_version);
    tcase_add_test(t, test_process_exit_in_a_timer_ends_the_run_while_a_server_listens);
    tcase_add_test(t, test_a_connection_to_a_port_no_server_listens_on_is_refused);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
