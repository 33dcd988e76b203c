/* page.h - a page as loopsim runs it in the browser: the document the HTML parser has built
 * around the page's one script, and that script.
 *
 * A `.html` file is a whole page (tools/browser-diff serves it to Chromium as it is); a `.js` or
 * `.mjs` program is the one script of the page tools/lib/chromium.py wraps it in
 * (<!doctype html><html><head><meta charset=utf-8></head><body><script>PROGRAM</script>...).
 * Either way the run starts from the nodes below; window.c gives them to the prelude
 * (prelude/dom.js), which makes the document of them.
 *
 * The parser here is a small part of HTML's (HTML 13.2, "parsing HTML documents"): tags,
 * attributes (quoted or not), character references (&amp; &lt; &gt; &quot; &apos; &nbsp;
 * and numeric), comments, a doctype, the raw text of script, style, title and textarea, void
 * elements, the implied html, head and body elements ("before html", "in head" and "after
 * head" insertion modes: a head element before any other goes into head, anything else opens
 * body), an end tag closing up to the open element of its name, and the two implied end tags
 * that quizzes meet: a <p> closed by a block's start tag, an <li> by the next <li>.  Tables,
 * forms' own rules, the adoption agency for misnested formatting tags, foreign (SVG, MathML)
 * content and templates are not modelled: the tree follows the tags as written there.
 *
 * The page's script.  loopsim runs a page with one script: an inline classic script (no type,
 * or a JavaScript MIME type) or an inline module script (type="module"); a <script src=...>,
 * a second script, or an event handler attribute (onclick="...") is refused with its place.
 * A script element of another type is a data block: in the tree, not run.  The script's text
 * is given as the page with everything around it blanked (each character a space, line breaks
 * kept), so that a line:col in the script is the line:col in the page.
 *
 * Nodes after the script.  A classic script runs when the parser reaches its end tag, so the
 * document then holds only what comes before it; the parser inserts the rest after the script
 * and its microtask checkpoint (HTML 13.2.6.4.8, the "text" insertion mode, "an end tag whose
 * tag name is script": the parser pauses, runs the script, then goes on).  A module script is
 * deferred: it runs once the whole document is parsed (HTML 4.12.1.1, "prepare the script
 * element": an inline module script without async goes to the list of scripts that will
 * execute when the document has finished parsing).
 */
#ifndef LOOPSIM_PAGE_H
#define LOOPSIM_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef enum { PAGE_ELEMENT = 1, PAGE_TEXT = 3, PAGE_COMMENT = 8 } ls_page_node_kind;

typedef struct {
    ls_page_node_kind kind;
    int parent;              /* an earlier node's index; -1: the document itself */
    const char *name;        /* an element's lower-case tag name */
    const char **attrs;      /* an element's attributes: name, value, name, value, ... */
    size_t nattrs;           /* pairs */
    const char *data;        /* a text's or a comment's data; a raw text element's text */
    bool after_script;       /* the parser inserts it after a classic script has run */
    uint32_t line, col;      /* where it starts in the page */
} ls_page_node;

typedef struct ls_page {
    ls_page_node *nodes;     /* in document order (a parent before its children) */
    size_t n;
    int script;              /* the index of the script element that runs */
    bool module;             /* it is a module script */
    bool later;              /* some nodes come after a classic script (after_script) */
    char *source;            /* the script's text in place (see above); NUL-terminated */
    size_t source_len;
} ls_page;

/* Parses a page (`text`, `len` bytes, not NUL-terminated); everything is in `arena`.  NULL and
 * *error (malloc'd, "FILE:LINE:COL: error: ...\n") on a page loopsim does not run. */
ls_page *page_parse(ls_arena *arena, const char *file, const char *text, size_t len,
                    char **error);

/* The page tools/lib/chromium.py wraps a .js (module false) or .mjs (true) program in; its
 * script's text is not given (the program is). */
ls_page *page_for_script(ls_arena *arena, bool module);

#endif
