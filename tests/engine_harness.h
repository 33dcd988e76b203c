/* engine_harness.h - what the engine-level Check tests share: load a program from text (a JSON
 * scenario, or JavaScript), run it through the whole engine with the default (Node 20) profile,
 * and compare what it printed, joined by single spaces. */
#ifndef LOOPSIM_TEST_ENGINE_HARNESS_H
#define LOOPSIM_TEST_ENGINE_HARNESS_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "profile.h"
#include "program.h"

static const ls_limits LIMITS = {1000000, INT64_C(3600000000000), NULL, 0, NULL, NULL};

/* A program from its text: a JSON scenario when the text starts with '{', else JavaScript
 * (CommonJS) named "t.js". */
static inline ls_program *load(const char *text)
{
    char *err = NULL;
    bool json = text[0] == '{';
    ls_program *p = program_load_text(json ? "t.json" : "t.js", text, strlen(text), json, &err);
    ck_assert_msg(p != NULL, "program does not load: %s", err ? err : "?");
    free(err);
    return p;
}

static inline ls_engine *engine_for_profile(const ls_program *p, const ls_profile *profile)
{
    ls_costs costs = engine_default_costs(p, profile);
    return engine_new(p, &costs, profile, &LIMITS);
}

static inline ls_engine *engine_for(const ls_program *p)
{
    return engine_for_profile(p, profile_default());
}

/* The printed lines, joined by single spaces. */
static inline const char *output_of(const ls_engine *e)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < e->out.nlines && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? " " : "", e->out.lines[i].text);
    return buf;
}

/* Runs a whole program under the Node version `version`; checks the output, the exit code
 * and how the run ended. */
static inline void expect_run_on(const char *version, const char *text, const char *want,
                                 int want_code, ls_stop want_stop)
{
    const ls_profile *profile = profile_for_version(version);
    ck_assert_msg(profile != NULL, "no profile for %s", version);
    ls_program *p = load(text);
    ls_engine *e = engine_for_profile(p, profile);
    int code = engine_run(e);
    ck_assert_msg(strcmp(output_of(e), want) == 0, "on %s: printed \"%s\", expected \"%s\"",
                  version, output_of(e), want);
    ck_assert_msg(code == want_code, "on %s: exit code %d, expected %d", version, code,
                  want_code);
    ck_assert_msg(e->stop == want_stop, "on %s: the run ended with stop %d (%s), expected %d",
                  version, (int)e->stop, e->stop_message ? e->stop_message : "-",
                  (int)want_stop);
    engine_free(e);
    program_free(p);
}

static inline void expect_run_ending(const char *text, const char *want, int want_code,
                                     ls_stop want_stop)
{
    expect_run_on("20", text, want, want_code, want_stop);
}

/* How many records of `api` the trace of a run of `text` on `version` has: a thread-pool
 * request's trips (each completion is one, Node's own callbacks' and the program's last). */
static inline int records_of(const char *version, const char *text, const char *api)
{
    ls_program *p = load(text);
    ls_engine *e = engine_for_profile(p, profile_for_version(version));
    e->out.recording = true;
    engine_run(e);
    int n = 0;
    for (size_t i = 0; i < e->out.nrecords; i++)
        n += strcmp(e->out.records[i].api, api) == 0;
    engine_free(e);
    program_free(p);
    return n;
}

/* A run that reaches its end with exit code 0. */
static inline void expect_run(const char *text, const char *want)
{
    expect_run_ending(text, want, 0, STOP_NONE);
}

/* A function the program put on the global object (`globalThis.T = function T() {...}`): run
 * the main script first (host_run_main). */
static inline js_value global_fn(ls_engine *e, const char *name)
{
    js_value fn = js_undefined();
    js_status st = js_get(e->host.vm, js_obj(js_global(e->host.vm)), name, &fn);
    ck_assert_msg(st == JS_OK && js_is_callable(fn), "no global function %s", name);
    return fn;
}

#endif
