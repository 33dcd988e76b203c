/* gen.h - random scenarios for differential testing against real Node (tools/fuzz-diff).
 *
 * gen_scenario() prints one scenario (docs/scenario-format.md) built from a seed: the same seed
 * and size give the same bytes on every machine (its own splitmix64 PRNG, no rand(), no
 * floating point in the choices).  The scenarios are built so that real Node prints one order
 * on every run: no race of R5.1, timers that can be due together are tens of milliseconds apart,
 * one fs operation in flight at a time, and so on (docs/differential-testing.md lists the
 * rules).  Every console.log line is unique ("L17", or "L17 2" in code that runs more than once),
 * so two outputs can be compared line by line.
 */
#ifndef LOOPSIM_GEN_H
#define LOOPSIM_GEN_H

#include <stdint.h>
#include <stdio.h>

#include "profile.h"

/* Writes the scenario for `seed` with about `size` operations (clamped to 1..500) to `out`
 * as JSON, followed by a newline.  Only what `profile`'s Node has is used (NULL: the default).
 * Returns 0 on success, non-zero if writing failed or memory ran out. */
int gen_scenario(uint64_t seed, int size, const ls_profile *profile, FILE *out);

#endif
