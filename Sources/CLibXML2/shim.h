#ifndef CLAIMDESK_CLIBXML2_SHIM_H
#define CLAIMDESK_CLIBXML2_SHIM_H

/* libxml2's HTML parser, opened on first use (dlopen) rather than linked.

   Linking it would load libxml2 and ICU at every start of the shell (measured: about 2 ms more,
   8% of start-up), while most sessions never read a web page. Linking through pkg-config would
   add -lxml2 whatever the code calls, so this module declares the little of libxml2's public,
   stable ABI that ClaimDesk reads: the first fields of xmlNode and xmlAttr (unchanged since
   libxml2 2.0), the node types and the parser options, and looks up four functions by name. */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

typedef unsigned char claimdesk_xml_char;

/* xmlElementType values used here. */
enum {
    CLAIMDESK_XML_ELEMENT_NODE = 1,
    CLAIMDESK_XML_TEXT_NODE = 3,
    CLAIMDESK_XML_CDATA_SECTION_NODE = 4,
};

struct claimdesk_xml_attr;

/* The leading fields of libxml2's struct _xmlNode; only read through pointers libxml2 returns. */
typedef struct claimdesk_xml_node {
    void *private_data;
    int type;
    const claimdesk_xml_char *name;
    struct claimdesk_xml_node *children;
    struct claimdesk_xml_node *last;
    struct claimdesk_xml_node *parent;
    struct claimdesk_xml_node *next;
    struct claimdesk_xml_node *prev;
    void *doc;
    void *ns;
    claimdesk_xml_char *content;
    struct claimdesk_xml_attr *properties;
} claimdesk_xml_node;

/* The leading fields of libxml2's struct _xmlAttr. */
typedef struct claimdesk_xml_attr {
    void *private_data;
    int type;
    const claimdesk_xml_char *name;
    struct claimdesk_xml_node *children;
    struct claimdesk_xml_node *last;
    struct claimdesk_xml_node *parent;
    struct claimdesk_xml_attr *next;
} claimdesk_xml_attr;

typedef void *claimdesk_html_doc;
typedef void (*claimdesk_error_fn)(void *, const char *, ...);

struct claimdesk_libxml2 {
    int state; /* 0 not tried, 1 loaded, -1 missing */
    claimdesk_html_doc (*read_memory)(const char *, int, const char *, const char *, int);
    void (*free_doc)(claimdesk_html_doc);
    claimdesk_xml_node *(*root)(claimdesk_html_doc);
    void (*set_error)(void *, claimdesk_error_fn);
};

/* libxml2 reports errors through a global handler that prints by default; this one drops them. */
static void claimdesk_xml_ignore_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}

/* Loads the library on the first call; afterwards returns what that call found. */
static inline struct claimdesk_libxml2 *claimdesk_libxml2_load(void) {
    static struct claimdesk_libxml2 lib = {0, NULL, NULL, NULL, NULL};
    if (lib.state != 0) return lib.state == 1 ? &lib : NULL;
    const char *names[] = {"libxml2.so.2", "libxml2.so", "libxml2.2.dylib", "libxml2.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    lib.state = -1;
    if (handle == NULL) return NULL;
    *(void **)&lib.read_memory = dlsym(handle, "htmlReadMemory");
    *(void **)&lib.free_doc = dlsym(handle, "xmlFreeDoc");
    *(void **)&lib.root = dlsym(handle, "xmlDocGetRootElement");
    *(void **)&lib.set_error = dlsym(handle, "xmlSetGenericErrorFunc");
    if (!lib.read_memory || !lib.free_doc || !lib.root || !lib.set_error) return NULL;
    lib.state = 1;
    lib.set_error(NULL, claimdesk_xml_ignore_error);
    return &lib;
}

static inline void claimdesk_libxml2_load_once(void) { (void)claimdesk_libxml2_load(); }

/* The library's functions, loaded once (under pthread_once: tests read pages on several threads
   at the same time, and a check-then-load let a second thread see a half-loaded table). */
static inline struct claimdesk_libxml2 *claimdesk_libxml2_get(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, claimdesk_libxml2_load_once);
    return claimdesk_libxml2_load();
}

/* Whether libxml2 could be loaded. */
static inline int claimdesk_libxml2_available(void) { return claimdesk_libxml2_get() != NULL; }

/* Options for untrusted pages (HTMLparser.h's values): HTML_PARSE_RECOVER (1) recovers from
   broken markup, HTML_PARSE_NONET (2048) never touches the network, HTML_PARSE_NOERROR (32) and
   HTML_PARSE_NOWARNING (64) stay quiet, HTML_PARSE_COMPACT (65536) saves memory. The HTML parser
   loads no DTD and substitutes no external entity; no option asks it to. */
static inline int claimdesk_html_options(void) { return 1 | 2048 | 32 | 64 | 65536; }

/* Parses `length` bytes of HTML in `encoding` (an IANA name; libxml2 converts to UTF-8) into a
   tree; NULL when libxml2 cannot, e.g. for an encoding it does not know. */
static inline claimdesk_html_doc claimdesk_html_parse(const char *bytes, int length, const char *encoding) {
    struct claimdesk_libxml2 *lib = claimdesk_libxml2_get();
    if (lib == NULL) return NULL;
    return lib->read_memory(bytes, length, NULL, encoding, claimdesk_html_options());
}

static inline claimdesk_xml_node *claimdesk_html_root(claimdesk_html_doc document) {
    struct claimdesk_libxml2 *lib = claimdesk_libxml2_get();
    return lib == NULL ? NULL : lib->root(document);
}

static inline void claimdesk_html_free(claimdesk_html_doc document) {
    struct claimdesk_libxml2 *lib = claimdesk_libxml2_get();
    if (lib != NULL) lib->free_doc(document);
}

#endif
