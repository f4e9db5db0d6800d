/* A stand-in for generated code: defines the symbols the runtime expects
   from a translated program and exercises the runtime through its C ABI.
   argv[1] picks the scenario; see tests/link.rs for the expected output. */
#include <stdint.h>
#include <string.h>

extern int64_t rpy_exc_type;
extern void *rpy_exc_value;
extern void *rpy_malloc(int64_t, int64_t);
extern void rpy_raise_new(int64_t, void *);
extern void rpy_print_str(void *);
extern int64_t rpy_os_write(int64_t, void *);
extern void *rpy_str_from_int(int64_t);
extern void *rpy_str_from_float(double);
extern void *rpy_str_concat(void *, void *);
extern void *rpy_str_repr(void *);
extern void rpy_sb_append_slice(void *, void *, int64_t, int64_t);
extern int64_t rpy_int_from_str(void *, int64_t);
extern double rpy_float_pow(double, double);

const char *rpy_type_names[] = {0, 0, 0, 0, 0, "ValueError", "IndexError", "KeyError",
    "ZeroDivisionError", "OverflowError", "MemoryError", "OSError", "RuntimeError",
    "RecursionError", "TypeError", "UnicodeDecodeError", "MyError"};
int64_t rpy_type_count = 17;
int64_t rpy_builtin_exc_typeids[11] = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

/* GC tables (rpy_abi::gc): all-zero layout rows (no GC pointers anywhere),
   the mark-and-sweep collector; 'mem' keeps its objects on the shadow stack. */
uint32_t rpy_gc_typeinfo[17 * 8];
uint32_t rpy_gc_ptr_offsets[1];
void *rpy_gc_prebuilt_roots[1];
int64_t rpy_gc_prebuilt_count = 0;
int64_t rpy_gc_kind = 0;
extern void **rpy_shadowstack_top;

static void *arg(void *list, int64_t i) { return (*(void ***)((char *)list + 16))[2 + i]; }
static int64_t nargs(void *list) { return *(int64_t *)((char *)list + 8); }

static void *bytes(const char *s) {
    int64_t n = (int64_t)strlen(s);
    char *b = rpy_malloc(2, 24 + n);
    *(int64_t *)(b + 16) = n;
    memcpy(b + 24, s, n);
    return b;
}

static void *str(const char *s) { /* ASCII only */
    int64_t n = (int64_t)strlen(s);
    char *p = rpy_malloc(1, 24 + 4 * n);
    *(int64_t *)(p + 16) = n;
    for (int64_t i = 0; i < n; i++) ((uint32_t *)(p + 24))[i] = (unsigned char)s[i];
    return p;
}

/* Unbounded recursion the C compiler cannot turn into a loop. */
static int64_t deep(volatile int64_t n) {
    volatile char pad[256];
    pad[0] = (char)n;
    return deep(n + 1) + pad[0];
}

static void println(void *s) { rpy_print_str(s); rpy_print_str(str("\n")); }

int64_t rpy_entry_point(void *argv) {
    void *m = nargs(argv) > 1 ? arg(argv, 1) : str("none");
    println(rpy_str_concat(str("argv: "), rpy_str_repr(m)));
    uint32_t first = ((uint32_t *)((char *)m + 24))[0];
    switch (first) {
    case 'o': /* order of print and os.write */
        rpy_print_str(str("printed 1\n"));
        rpy_os_write(1, bytes("written 2\n"));
        println(str("printed 3"));
        return 256 + 7;
    case 'v': /* a ValueError escapes */
        println(rpy_str_from_float(rpy_float_pow(2.0, 0.5)));
        rpy_int_from_str(str("12x"), 10);
        return 0;
    case 'i': /* IndexError from the runtime, caught, then a user class */
        rpy_sb_append_slice(rpy_malloc(16, 24), str("ab"), 1, 3);
        if (rpy_exc_type == 6) { rpy_exc_type = 0; println(str("caught IndexError")); }
        rpy_raise_new(16, 0);
        return 0;
    case 'm': { /* exhaust RPY_GC_MAX */
        int64_t n = 0;
        void *p;
        while ((p = rpy_malloc(16, 100000)) && !rpy_exc_type) { *rpy_shadowstack_top++ = p; n++; }
        rpy_shadowstack_top -= n; /* drop them: the next allocations collect */
        println(rpy_str_from_int(n > 0));
        return 0;
    }
    case 'r': /* stack overflow */
        println(str("recursing"));
        return deep(0);
    case 'n': /* a real crash stays a crash */
        println(str("crashing"));
        *(volatile int *)0 = 1;
        return 0;
    case 'w': /* os.write to a bad fd */
        rpy_os_write(99, bytes("x"));
        return 0;
    }
    return 3;
}
