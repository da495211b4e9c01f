#ifndef CONTEXTD_CGRAPHVIZ_SHIM_H
#define CONTEXTD_CGRAPHVIZ_SHIM_H

/*
 * The whole C surface ContextMaps uses: <graphviz/gvc.h> plus `static inline`, const-correct
 * wrappers. cgraph takes `char *` almost everywhere but copies every string, so the casts below
 * are safe. Graphviz is not thread-safe: every function here must be called on the
 * GraphvizRenderer's queue only.
 */
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

/* ---- Graph descriptors (extern globals; touching them from Swift 6 is a concurrency error) ---- */

static inline Agdesc_t cgv_directed(void) { return Agdirected; }
static inline Agdesc_t cgv_undirected(void) { return Agundirected; }
static inline Agdesc_t cgv_strictdirected(void) { return Agstrictdirected; }

/* ---- Construction ---- */

static inline Agraph_t *cgv_open(const char *name, Agdesc_t desc) {
    return agopen((char *)name, desc, NULL);
}

static inline Agnode_t *cgv_node(Agraph_t *g, const char *name) { return agnode(g, (char *)name, 1); }

/* An anonymous edge; in a non-strict graph every call makes a new one. */
static inline Agedge_t *cgv_edge(Agraph_t *g, Agnode_t *tail, Agnode_t *head) {
    return agedge(g, tail, head, NULL, 1);
}

/* A subgraph of g (created if missing); a name starting with "cluster" is drawn as a box. */
static inline Agraph_t *cgv_subgraph(Agraph_t *g, const char *name) { return agsubg(g, (char *)name, 1); }

/* Puts an existing node of the root graph into subgraph sg. */
static inline Agnode_t *cgv_subnode(Agraph_t *sg, Agnode_t *n) { return agsubnode(sg, n, 1); }

/* Declares an attribute for every object of a kind (AGRAPH, AGNODE, AGEDGE) with a default. */
static inline int cgv_default(Agraph_t *g, int kind, const char *name, const char *value) {
    return agattr(g, kind, (char *)name, (char *)value) != NULL ? 0 : -1;
}

/*
 * Sets an attribute on one graph, node or edge, declaring it first if needed. agsafeset's last
 * argument becomes the default for every object of that kind, so a node `label` is declared with
 * the default `\N` (otherwise every other node would lose its name); everything else with "".
 */
static inline int cgv_set(void *obj, const char *name, const char *value) {
    const char *fallback = (agobjkind(obj) == AGNODE && strcmp(name, "label") == 0) ? "\\N" : "";
    return agsafeset(obj, (char *)name, (char *)value, (char *)fallback);
}

/*
 * Sets an HTML-like attribute value (`label=<...>`). Only ever call this with text built from
 * constants or fully escaped; an HTML label can read local files through <IMG>.
 */
static inline int cgv_set_html(Agraph_t *g, void *obj, const char *name, const char *html) {
    char *ref = agstrdup_html(g, (char *)html);
    if (ref == NULL) return -1;
    int status = agsafeset(obj, (char *)name, ref, "");
    agstrfree(g, ref);
    return status;
}

/* ---- Reading back (tests) ---- */

static inline const char *cgv_get(void *obj, const char *name) { return agget(obj, (char *)name); }
static inline const char *cgv_name(void *obj) { return agnameof(obj); }

/* Parses DOT text (NUL-terminated); NULL on failure. Close the result with agclose. */
static inline Agraph_t *cgv_memread(const char *text) { return agmemread(text); }

/* ---- Plugins ---- */

/*
 * Whether a plugin of a kind ("layout", "device", "render") named `name` is available; entries
 * may read "png:cairo", so only the part before ':' is compared. gvPluginList's list and entries
 * are owned by the caller and freed here.
 */
static inline int cgv_has_plugin(GVC_t *gvc, const char *kind, const char *name) {
    int count = 0;
    char **list = gvPluginList(gvc, kind, &count, NULL);
    if (list == NULL) return 0;
    int found = 0;
    size_t length = strlen(name);
    for (int i = 0; i < count; i++) {
        if (list[i] != NULL && strncmp(list[i], name, length) == 0
            && (list[i][length] == '\0' || list[i][length] == ':'))
            found = 1;
        free(list[i]);
    }
    free(list);
    return found;
}

/* ---- Errors ----
 *
 * Graphviz reports errors and warnings only through a process-wide callback (agseterrf), often
 * one message in several fragments. The callback below appends them to a fixed buffer (longer
 * text is cut) that Swift reads and clears around each operation.
 *
 * The buffer is `static` storage inside `static inline` functions, so each translation unit that
 * calls these functions gets its own copy: install, read and clear from ONE Swift source file
 * only (Graphviz/CGraph.swift).
 */

#define CGV_ERROR_CAPACITY 4096

typedef struct {
    char text[CGV_ERROR_CAPACITY];
    size_t length;
} cgv_error_buffer;

static inline cgv_error_buffer *cgv_errors(void) {
    static cgv_error_buffer buffer;
    return &buffer;
}

static inline int cgv_error_callback(char *message) {
    cgv_error_buffer *buffer = cgv_errors();
    if (message == NULL) return 0;
    size_t room = CGV_ERROR_CAPACITY - 1 - buffer->length;
    size_t length = strlen(message);
    if (length > room) length = room;
    memcpy(buffer->text + buffer->length, message, length);
    buffer->length += length;
    buffer->text[buffer->length] = '\0';
    return 0;
}

/* Routes Graphviz errors and warnings into the buffer instead of stderr. */
static inline void cgv_errors_install(void) { agseterrf(cgv_error_callback); }

/* The messages collected since the last clear, NUL-terminated. */
static inline const char *cgv_errors_text(void) { return cgv_errors()->text; }

static inline void cgv_errors_clear(void) {
    cgv_error_buffer *buffer = cgv_errors();
    buffer->length = 0;
    buffer->text[0] = '\0';
    agreseterrors();
}

#endif
