/* profile.c - see profile.h and profile.def. */
#include "profile.h"

const ls_profile ls_profiles[] = {
#define LS_PROFILE(id, versions, await_direct, timers_at_end, rejections_throw, readfile_trips) \
    {#id, versions, await_direct, timers_at_end, rejections_throw, readfile_trips},
#include "profile.def"
#undef LS_PROFILE
};
const size_t ls_profile_count = sizeof ls_profiles / sizeof ls_profiles[0];

const ls_profile *profile_default(void)
{
    return &ls_profiles[ls_profile_count - 1];
}
