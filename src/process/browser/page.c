/* page.c - a page's markup made into the document's nodes, and its script found; see page.h.
 *
 * Two passes in one: a tokenizer (HTML 13.2.5, reduced to the states a hand-written page
 * meets: data, tag open, tag name, attributes, comment, doctype, raw text) hands each token to
 * the tree builder (HTML 13.2.6, reduced to the insertion modes "initial" to "in body"), which
 * appends nodes in document order.  Every node is a row of ls_page (page.h); the prelude makes
 * DOM nodes of them.
 */
#include "browser/page.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 256          /* open elements; a deeper page is refused */

typedef enum { MODE_BEFORE_HTML, MODE_IN_HEAD, MODE_AFTER_HEAD, MODE_IN_BODY } insert_mode;

typedef struct {
    ls_arena *arena;
    const char *file, *text;
    size_t len, pos;
    ls_page_node *nodes;
    size_t n, cap;
    int html, head, body;      /* -1 until made */
    int open[MAX_DEPTH];       /* the stack of open elements below html (head or body first) */
    int depth;
    insert_mode mode;
    int scripts;               /* scripts that run, so far */
    size_t script_from, script_to; /* the running script's text */
    int script;                /* the running script's element, -1 before one */
    uint32_t first_line, first_col; /* ... and where it is */
    bool after_script;
    char *error;
} parser;

static const char *const void_elements[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
};

/* in "in head": these stay in head (HTML 13.2.6.4.4); anything else ends it */
static const char *const head_elements[] = {
    "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style",
    "script", "template",
};

/* a start tag of these closes an open <p> (HTML 13.2.6.4.7, "in body": "close a p element") */
static const char *const closes_p[] = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
    "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "listing", "form", "table", "hr", "xmp",
};

/* raw text (script, style, xmp, iframe, noembed, noframes) and escapable raw text (title,
 * textarea): their content is text up to their end tag */
static const char *const raw_text[] = {
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
};

#define IN(name, list) in_list(name, list, sizeof list / sizeof list[0])

static bool in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0)
            return true;
    return false;
}

/* ---- places and errors ---------------------------------------------------------------------- */

static void line_col(const parser *p, size_t at, uint32_t *line, uint32_t *col)
{
    uint32_t l = 1, c = 1;
    for (size_t i = 0; i < at && i < p->len; i++) {
        unsigned char ch = (unsigned char)p->text[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= p->len || p->text[i + 1] != '\n'))) {
            l++;
            c = 1;
        } else if ((ch & 0xC0) != 0x80 && ch != '\r') {
            c++; /* columns in code points */
        }
    }
    *line = l;
    *col = c;
}

static bool fail(parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(parser *p, size_t at, const char *fmt, ...)
{
    if (p->error)
        return false;
    uint32_t line, col;
    line_col(p, at, &line, &col);
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    size_t n = strlen(p->file) + strlen(what) + 64;
    p->error = malloc(n);
    if (!p->error)
        ls_out_of_memory(0);
    snprintf(p->error, n, "%s:%u:%u: error: %s\n", p->file, line, col, what);
    return false;
}

/* ---- nodes ---------------------------------------------------------------------------------- */

static int add_node(parser *p, ls_page_node_kind kind, int parent, const char *name, size_t at)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        ls_page_node *nodes = arena_alloc(p->arena, cap * sizeof *nodes);
        if (p->n)
            memcpy(nodes, p->nodes, p->n * sizeof *nodes);
        p->nodes = nodes;
        p->cap = cap;
    }
    ls_page_node *node = &p->nodes[p->n];
    memset(node, 0, sizeof *node);
    node->kind = kind;
    node->parent = parent;
    node->name = name;
    node->after_script = p->after_script;
    line_col(p, at, &node->line, &node->col);
    return (int)p->n++;
}

static int current(const parser *p)
{
    return p->depth ? p->open[p->depth - 1] : p->html;
}

static void ensure_html(parser *p, size_t at)
{
    if (p->html < 0)
        p->html = add_node(p, PAGE_ELEMENT, -1, "html", at);
}

static void ensure_head(parser *p, size_t at)
{
    ensure_html(p, at);
    if (p->head < 0) {
        p->head = add_node(p, PAGE_ELEMENT, p->html, "head", at);
        p->open[p->depth++] = p->head;
        p->mode = MODE_IN_HEAD;
    }
}

/* "after head": anything but a head element opens body */
static void ensure_body(parser *p, size_t at)
{
    ensure_head(p, at);
    if (p->body < 0) {
        p->depth = 0; /* head closed */
        p->body = add_node(p, PAGE_ELEMENT, p->html, "body", at);
        p->open[p->depth++] = p->body;
        p->mode = MODE_IN_BODY;
    }
}

/* `name`="value" on a node (the first of a name wins, as in the tokenizer) */
static void add_attr(parser *p, ls_page_node *node, const char *name, const char *value)
{
    for (size_t i = 0; i < node->nattrs; i++)
        if (strcmp(node->attrs[2 * i], name) == 0)
            return;
    const char **attrs = arena_alloc(p->arena, (node->nattrs + 1) * 2 * sizeof *attrs);
    if (node->nattrs)
        memcpy(attrs, node->attrs, node->nattrs * 2 * sizeof *attrs);
    attrs[2 * node->nattrs] = name;
    attrs[2 * node->nattrs + 1] = value;
    node->attrs = attrs;
    node->nattrs++;
}

static const char *attr_of(const ls_page_node *node, const char *name)
{
    for (size_t i = 0; i < node->nattrs; i++)
        if (strcmp(node->attrs[2 * i], name) == 0)
            return node->attrs[2 * i + 1];
    return NULL;
}

/* ---- the tokenizer's pieces ------------------------------------------------------------- */

static bool starts_with_ci(const parser *p, size_t at, const char *s)
{
    size_t n = strlen(s);
    if (at + n > p->len)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)p->text[at + i]) != s[i])
            return false;
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Text with its character references decoded (HTML 13.2.5.72, reduced: the five named ones
 * and &nbsp;, and numeric references; any other & is kept as it is). */
static char *decode(parser *p, size_t from, size_t to)
{
    char *out = arena_alloc(p->arena, to - from + 1), *o = out;
    static const struct {
        const char *name, *utf8;
    } named[] = {{"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"},
                 {"nbsp;", "\xC2\xA0"}};
    for (size_t i = from; i < to;) {
        if (p->text[i] != '&') {
            *o++ = p->text[i++];
            continue;
        }
        bool done = false;
        for (size_t k = 0; k < sizeof named / sizeof named[0] && !done; k++) {
            size_t n = strlen(named[k].name);
            if (i + 1 + n <= to && memcmp(p->text + i + 1, named[k].name, n) == 0) {
                size_t m = strlen(named[k].utf8);
                memcpy(o, named[k].utf8, m); /* never longer than the reference */
                o += m;
                i += 1 + n;
                done = true;
            }
        }
        if (!done && i + 2 < to && p->text[i + 1] == '#') {
            size_t j = i + 2;
            bool hex = j < to && (p->text[j] == 'x' || p->text[j] == 'X');
            if (hex)
                j++;
            unsigned long cp = 0;
            size_t digits = 0;
            while (j < to && (hex ? isxdigit((unsigned char)p->text[j])
                                  : isdigit((unsigned char)p->text[j])) && cp < 0x110000) {
                char c = (char)tolower((unsigned char)p->text[j]);
                cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)c) ? c - '0'
                                                                                     : c - 'a' + 10);
                j++;
                digits++;
            }
            if (digits && j < to && p->text[j] == ';' && j + 1 - i >= 4 && cp && cp < 0x110000 &&
                !(cp >= 0xD800 && cp <= 0xDFFF)) {
                /* j + 1 - i >= 4 bytes of reference, at most 4 of UTF-8 */
                if (cp < 0x80) {
                    *o++ = (char)cp;
                } else if (cp < 0x800) {
                    *o++ = (char)(0xC0 | (cp >> 6));
                    *o++ = (char)(0x80 | (cp & 0x3F));
                } else if (cp < 0x10000) {
                    *o++ = (char)(0xE0 | (cp >> 12));
                    *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                    *o++ = (char)(0x80 | (cp & 0x3F));
                } else {
                    *o++ = (char)(0xF0 | (cp >> 18));
                    *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                    *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                    *o++ = (char)(0x80 | (cp & 0x3F));
                }
                i = j + 1;
                done = true;
            }
        }
        if (!done)
            *o++ = p->text[i++];
    }
    *o = '\0';
    return out;
}

static char *lower_copy(parser *p, size_t from, size_t to)
{
    char *s = arena_alloc(p->arena, to - from + 1);
    for (size_t i = from; i < to; i++)
        s[i - from] = (char)tolower((unsigned char)p->text[i]);
    s[to - from] = '\0';
    return s;
}

/* ---- the tree builder ------------------------------------------------------------------------ */

static void insert_text(parser *p, size_t from, size_t to)
{
    if (from >= to)
        return;
    bool blank = true;
    for (size_t i = from; i < to && blank; i++)
        blank = is_space(p->text[i]);
    if (p->mode != MODE_IN_BODY) {
        /* white space before body is dropped ("initial" to "after head": "ignore the token"
         * before html and head; the parser inserts it in head or html later on, where no quiz
         * looks); other text opens body */
        if (blank)
            return;
        ensure_body(p, from);
    }
    int parent = current(p);
    /* adjacent text goes into one text node */
    if (p->n && p->nodes[p->n - 1].kind == PAGE_TEXT && p->nodes[p->n - 1].parent == parent &&
        p->nodes[p->n - 1].after_script == p->after_script) {
        ls_page_node *t = &p->nodes[p->n - 1];
        const char *more = decode(p, from, to);
        t->data = arena_printf(p->arena, "%s%s", t->data, more);
        return;
    }
    int t = add_node(p, PAGE_TEXT, parent, NULL, from);
    p->nodes[t].data = decode(p, from, to);
}

static void insert_comment(parser *p, size_t at, const char *data)
{
    int parent = p->html < 0 ? -1 : current(p);
    int c = add_node(p, PAGE_COMMENT, parent, NULL, at);
    p->nodes[c].data = data;
}

static void pop_to(parser *p, const char *name)
{
    for (int i = p->depth - 1; i >= 1; i--) /* never head or body themselves */
        if (strcmp(p->nodes[p->open[i]].name, name) == 0) {
            p->depth = i;
            return;
        }
}

static bool open_in_scope(const parser *p, const char *name)
{
    for (int i = p->depth - 1; i >= 1; i--)
        if (strcmp(p->nodes[p->open[i]].name, name) == 0)
            return true;
    return false;
}

/* The script element `el` found (its attributes read): runs it or not, and checks it is the
 * only one that runs.  Its text is [from, to). */
static bool take_script(parser *p, int el, size_t tag_at, size_t from, size_t to)
{
    const ls_page_node *s = &p->nodes[el];
    const char *type = attr_of(s, "type"), *language = attr_of(s, "language");
    bool module = false;
    /* HTML 4.12.1.1 "prepare the script element", steps 8-11: the type string; a JavaScript
     * MIME type essence (or none) is a classic script, "module" a module script, anything
     * else a data block that is not run */
    if (type) {
        char t[64];
        size_t n = 0, i = 0;
        while (type[i] && is_space(type[i]))
            i++;
        for (; type[i] && n + 1 < sizeof t; i++)
            t[n++] = (char)tolower((unsigned char)type[i]);
        while (n && is_space(t[n - 1]))
            n--;
        t[n] = '\0';
        static const char *const js_types[] = {
            "", "application/ecmascript", "application/javascript", "application/x-ecmascript",
            "application/x-javascript", "text/ecmascript", "text/javascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
            "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript",
            "text/livescript", "text/x-ecmascript", "text/x-javascript",
        };
        if (strcmp(t, "module") == 0)
            module = true;
        else if (!IN(t, js_types))
            return true; /* a data block */
    } else if (language && *language) {
        char t[64];
        snprintf(t, sizeof t, "text/%s", language);
        for (char *c = t; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        if (strcmp(t, "text/javascript") != 0 && strcmp(t, "text/ecmascript") != 0 &&
            strcmp(t, "text/jscript") != 0)
            return true;
    }
    if (attr_of(s, "src"))
        return fail(p, tag_at, "a <script src=...> is not modelled: loopsim runs a page whose "
                               "one script is written in it (docs/browser.md)");
    uint32_t line, col;
    line_col(p, tag_at, &line, &col);
    if (++p->scripts > 1) {
        return fail(p, tag_at, "a second script (the first is at %u:%u): loopsim runs a page "
                               "with one script (docs/browser.md)", p->first_line, p->first_col);
    }
    p->script = el;
    p->first_line = line;
    p->first_col = col;
    p->script_from = from;
    p->script_to = to;
    if (module)
        return true;
    /* a classic script runs when the parser reaches its end tag: the rest comes after it */
    p->after_script = true;
    return true;
}

static bool start_tag(parser *p, size_t at, const char *name, const char **attrs, size_t nattrs,
                      size_t *raw_end)
{
    for (size_t i = 0; i < nattrs; i++)
        if (strncmp(attrs[2 * i], "on", 2) == 0 && attrs[2 * i][2])
            return fail(p, at, "the event handler attribute %s= on <%s> is not modelled: loopsim "
                               "runs the page's script only (add the listener in the script)",
                        attrs[2 * i], name);
    if (strcmp(name, "html") == 0) {
        ensure_html(p, at);
        for (size_t i = 0; i < nattrs; i++)
            add_attr(p, &p->nodes[p->html], attrs[2 * i], attrs[2 * i + 1]);
        return true;
    }
    if (strcmp(name, "head") == 0 && p->head < 0) {
        ensure_head(p, at);
        for (size_t i = 0; i < nattrs; i++)
            add_attr(p, &p->nodes[p->head], attrs[2 * i], attrs[2 * i + 1]);
        return true;
    }
    if (strcmp(name, "body") == 0) {
        ensure_body(p, at);
        for (size_t i = 0; i < nattrs; i++)
            add_attr(p, &p->nodes[p->body], attrs[2 * i], attrs[2 * i + 1]);
        return true;
    }
    if (strcmp(name, "head") == 0)
        return true; /* a second head: ignored */
    if (p->mode == MODE_BEFORE_HTML)
        ensure_head(p, at);
    if (p->mode != MODE_IN_BODY && !IN(name, head_elements))
        ensure_body(p, at);
    if (p->mode == MODE_IN_BODY) {
        if (IN(name, closes_p) && open_in_scope(p, "p"))
            pop_to(p, "p");
        if (strcmp(name, "li") == 0 && open_in_scope(p, "li"))
            pop_to(p, "li");
    }
    int parent = p->mode == MODE_IN_BODY ? current(p) : p->head;
    int el = add_node(p, PAGE_ELEMENT, parent, name, at);
    for (size_t i = 0; i < nattrs; i++)
        add_attr(p, &p->nodes[el], attrs[2 * i], attrs[2 * i + 1]);
    if (IN(name, raw_text)) {
        /* its text runs to the first "</name" (then space, / or >) */
        size_t n = strlen(name), i = p->pos, end = p->len;
        char close[32];
        snprintf(close, sizeof close, "</%s", name);
        for (; i + n + 2 <= p->len; i++)
            if (starts_with_ci(p, i, close) &&
                (i + n + 2 == p->len || is_space(p->text[i + n + 2]) ||
                 p->text[i + n + 2] == '/' || p->text[i + n + 2] == '>')) {
                end = i;
                break;
            }
        if (strcmp(name, "script") == 0) {
            if (end == p->len)
                return fail(p, at, "this <script> has no </script>: the page ends inside it");
            if (!take_script(p, el, at, p->pos, end))
                return false;
            p->nodes[el].data = "";
        } else if (end > p->pos) {
            int t = add_node(p, PAGE_TEXT, el, NULL, p->pos);
            if (strcmp(name, "title") == 0 || strcmp(name, "textarea") == 0) {
                p->nodes[t].data = decode(p, p->pos, end); /* escapable raw text */
            } else {
                char *raw = arena_alloc(p->arena, end - p->pos + 1);
                memcpy(raw, p->text + p->pos, end - p->pos);
                raw[end - p->pos] = '\0';
                p->nodes[t].data = raw;
            }
        }
        /* skip the end tag */
        size_t gt = end;
        while (gt < p->len && p->text[gt] != '>')
            gt++;
        *raw_end = gt < p->len ? gt + 1 : p->len;
        return true;
    }
    if (!IN(name, void_elements) && parent != p->head) {
        if (p->depth == MAX_DEPTH)
            return fail(p, at, "the page nests elements more than %d deep", MAX_DEPTH);
        p->open[p->depth++] = el;
    }
    return true;
}

static void end_tag(parser *p, const char *name)
{
    if (strcmp(name, "head") == 0 && p->mode == MODE_IN_HEAD) {
        p->mode = MODE_AFTER_HEAD;
        return;
    }
    if (strcmp(name, "body") == 0 || strcmp(name, "html") == 0 || p->mode != MODE_IN_BODY)
        return; /* "after body": what follows still goes into body */
    pop_to(p, name); /* an end tag with no open element of its name is ignored */
}

/* ---- the tokenizer ------------------------------------------------------------------------ */

static bool tag(parser *p)
{
    size_t at = p->pos; /* at '<' */
    bool end = p->text[at + 1] == '/';
    size_t i = at + (end ? 2 : 1), name_from = i;
    while (i < p->len && !is_space(p->text[i]) && p->text[i] != '/' && p->text[i] != '>')
        i++;
    char *name = lower_copy(p, name_from, i);
    const char **attrs = NULL;
    size_t nattrs = 0, cap = 0;
    for (;;) {
        while (i < p->len && (is_space(p->text[i]) || p->text[i] == '/'))
            i++;
        if (i >= p->len)
            return fail(p, at, "the tag <%s%s> is not closed: the page ends inside it",
                        end ? "/" : "", name);
        if (p->text[i] == '>') {
            i++;
            break;
        }
        size_t an = i;
        while (i < p->len && !is_space(p->text[i]) && p->text[i] != '/' && p->text[i] != '>' &&
               (p->text[i] != '=' || i == an))
            i++;
        char *aname = lower_copy(p, an, i);
        while (i < p->len && is_space(p->text[i]))
            i++;
        const char *value = "";
        if (i < p->len && p->text[i] == '=') {
            i++;
            while (i < p->len && is_space(p->text[i]))
                i++;
            if (i < p->len && (p->text[i] == '"' || p->text[i] == '\'')) {
                char q = p->text[i++];
                size_t v = i;
                while (i < p->len && p->text[i] != q)
                    i++;
                if (i >= p->len)
                    return fail(p, v - 1, "the value of %s= is not closed: the page ends inside "
                                          "it", aname);
                value = decode(p, v, i);
                i++;
            } else {
                size_t v = i;
                while (i < p->len && !is_space(p->text[i]) && p->text[i] != '>')
                    i++;
                value = decode(p, v, i);
            }
        }
        if (nattrs == cap) {
            cap = cap ? cap * 2 : 8;
            const char **more = arena_alloc(p->arena, cap * 2 * sizeof *more);
            if (nattrs)
                memcpy(more, attrs, nattrs * 2 * sizeof *more);
            attrs = more;
        }
        attrs[2 * nattrs] = aname;
        attrs[2 * nattrs + 1] = value;
        nattrs++;
    }
    p->pos = i;
    if (end) {
        end_tag(p, name);
        return true;
    }
    size_t raw_end = 0;
    if (!start_tag(p, at, name, attrs, nattrs, &raw_end))
        return false;
    if (raw_end)
        p->pos = raw_end;
    return true;
}

static bool run(parser *p)
{
    while (p->pos < p->len && !p->error) {
        size_t i = p->pos;
        if (p->text[i] != '<') {
            while (i < p->len && p->text[i] != '<')
                i++;
            insert_text(p, p->pos, i);
            p->pos = i;
            continue;
        }
        if (starts_with_ci(p, i, "<!--")) {
            size_t j = i + 4;
            while (j + 3 <= p->len && memcmp(p->text + j, "-->", 3) != 0)
                j++;
            if (j + 3 > p->len)
                return fail(p, i, "this comment has no -->: the page ends inside it");
            char *data = arena_alloc(p->arena, j - (i + 4) + 1);
            memcpy(data, p->text + i + 4, j - (i + 4));
            data[j - (i + 4)] = '\0';
            insert_comment(p, i, data);
            p->pos = j + 3;
        } else if (i + 1 < p->len && (p->text[i + 1] == '!' || p->text[i + 1] == '?')) {
            /* a doctype (or a bogus comment): no node loopsim's document shows */
            while (i < p->len && p->text[i] != '>')
                i++;
            p->pos = i < p->len ? i + 1 : p->len;
        } else if (i + 1 < p->len && (isalpha((unsigned char)p->text[i + 1]) ||
                                      (p->text[i + 1] == '/' && i + 2 < p->len &&
                                       isalpha((unsigned char)p->text[i + 2])))) {
            if (!tag(p))
                return false;
        } else {
            /* a '<' that starts no tag is text */
            size_t j = i + 1;
            while (j < p->len && p->text[j] != '<')
                j++;
            insert_text(p, i, j);
            p->pos = j;
        }
    }
    return !p->error;
}

/* The page with all but [from, to) blanked: a space per character, line breaks kept. */
static char *blank_around(ls_arena *arena, const char *text, size_t len, size_t from, size_t to,
                          size_t *out_len)
{
    char *s = arena_alloc(arena, len + 1), *o = s;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (i >= from && i < to)
            *o++ = (char)c;
        else if (c == '\n' || c == '\r')
            *o++ = (char)c;
        else if ((c & 0xC0) != 0x80)
            *o++ = ' '; /* one space per code point, so columns stay */
    }
    *o = '\0';
    *out_len = (size_t)(o - s);
    return s;
}

ls_page *page_parse(ls_arena *arena, const char *file, const char *text, size_t len,
                    char **error)
{
    parser p = {.arena = arena, .file = file, .text = text, .len = len,
                .html = -1, .head = -1, .body = -1, .mode = MODE_BEFORE_HTML, .script = -1};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        p.pos = 3;
    if (!run(&p)) {
        *error = p.error;
        return NULL;
    }
    ensure_body(&p, p.len); /* the parser's end: html, head and body exist in any document */
    if (p.scripts == 0) {
        fail(&p, 0, "the page has no script loopsim can run (an inline <script> or "
                    "<script type=\"module\">)");
        *error = p.error;
        return NULL;
    }
    ls_page *page = arena_alloc(arena, sizeof *page);
    page->nodes = p.nodes;
    page->n = p.n;
    page->module = !p.after_script;
    page->script = p.script;
    page->later = p.n > 0 && p.nodes[p.n - 1].after_script; /* document order: the last is */
    page->source = blank_around(arena, text, len, p.script_from, p.script_to, &page->source_len);
    return page;
}

ls_page *page_for_script(ls_arena *arena, bool module)
{
    static const char wrapper[] = "<!doctype html><html><head><meta charset=utf-8></head><body>"
                                  "<script>\n</script></body></html>\n";
    static const char wrapper_module[] = "<!doctype html><html><head><meta charset=utf-8></head>"
                                         "<body><script type=\"module\">\n</script></body>"
                                         "</html>\n";
    const char *w = module ? wrapper_module : wrapper;
    char *error = NULL;
    ls_page *page = page_parse(arena, "<wrapper>", w, strlen(w), &error);
    free(error); /* the wrapper parses */
    return page;
}
