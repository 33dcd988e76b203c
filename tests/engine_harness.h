/* engine_harness.h - what the engine-level Check tests share: load a scenario from JSON text,
 * run it through the whole engine with the default (Node 20.3+) profile, and compare what it
 * printed, joined by single spaces. */
#ifndef LOOPSIM_TEST_ENGINE_HARNESS_H
#define LOOPSIM_TEST_ENGINE_HARNESS_H

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "interp.h"
#include "loader.h"
#include "profile.h"

static const ls_limits LIMITS = {1000000, INT64_C(3600000000000), NULL};

static inline ls_program *load(const char *json)
{
    char *err = NULL;
    ls_program *p = loader_load_text("t.json", json, strlen(json), &err);
    ck_assert_msg(p != NULL, "scenario does not load: %s", err ? err : "?");
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
    for (size_t i = 0; i < e->out.nlines; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? " " : "", e->out.lines[i].text);
    return buf;
}

/* Runs a whole scenario under the Node version `version`; checks the output, the exit code
 * and how the run ended. */
static inline void expect_run_on(const char *version, const char *json, const char *want,
                                 int want_code, ls_stop want_stop)
{
    const ls_profile *profile = profile_for_version(version);
    ck_assert_msg(profile != NULL, "no profile for %s", version);
    ls_program *p = load(json);
    ls_engine *e = engine_for_profile(p, profile);
    int code = engine_run(e);
    ck_assert_str_eq(output_of(e), want);
    ck_assert_int_eq(code, want_code);
    ck_assert_msg(e->stop == want_stop, "the run ended with stop %d (%s), expected %d",
                  (int)e->stop, e->stop_message ? e->stop_message : "-", (int)want_stop);
    engine_free(e);
    program_free(p);
}

static inline void expect_run_ending(const char *json, const char *want, int want_code,
                                     ls_stop want_stop)
{
    expect_run_on("20", json, want, want_code, want_stop);
}

/* A run that reaches its end with exit code 0. */
static inline void expect_run(const char *json, const char *want)
{
    expect_run_ending(json, want, 0, STOP_NONE);
}

/* A function declared in the scenario's "functions". */
static inline ls_value global_fn(const ls_engine *e, const char *name)
{
    for (size_t i = 0; i < e->globals->len; i++)
        if (strcmp(e->globals->names[i], name) == 0)
            return e->globals->values[i];
    ck_abort_msg("no global function %s", name);
    return value_undefined();
}

#endif
