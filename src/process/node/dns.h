/* dns.h - Node's dns.lookup: a tick for an address, a thread-pool job for localhost; see
 * dns.c. */
#ifndef LOOPSIM_DNS_H
#define LOOPSIM_DNS_H

#include "js.h"

typedef struct ls_engine ls_engine;

/* require('dns'): lookup; the other functions stop the run with a message saying so. */
js_value dns_module(ls_engine *e);
/* util.promisify's value names for dns.lookup (customPromisifyArgs: address, family), NULL
 * for any other function; NULL-terminated. */
const char *const *dns_promisify_args(js_value fn);

#endif
