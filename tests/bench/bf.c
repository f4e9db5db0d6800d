/* The Brainfuck VM of targets/bf/targetbf.py, in C, for the benchmark.
 *
 * Same algorithm: the source is parsed into two parallel int arrays
 * (program[pc] = opcode, bracket_map[pc] = operand: jump target for a
 * bracket, wrapped amount for + -, signed distance for < >), `[-]` and `[+]`
 * become SET_ZERO, cells are bytes stored in ints and masked with 0xff, the
 * tape starts at 30000 cells and grows on the right, output is buffered and
 * flushed every 4096 bytes and before each read, input is one read(0, 1)
 * per ',' (EOF leaves the cell unchanged).
 *
 * Build: gcc -O2 -o bf tests/bench/bf.c; run: ./bf PROGRAM.b
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ADD, MOVE, OUTPUT, INPUT, LOOP, END, SET_ZERO };

#define TAPE_SIZE 30000
#define FLUSH_AT 4096

typedef struct {
    long *items;
    long len, cap;
} IntList;

static void push(IntList *l, long v) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = realloc(l->items, l->cap * sizeof(long));
        if (!l->items) { perror("bf"); exit(1); }
    }
    l->items[l->len++] = v;
}

static IntList program, bracket_map;

static void emit(long op, long arg) {
    push(&program, op);
    push(&bracket_map, arg);
}

static int is_command(int c) {
    return c == '+' || c == '-' || c == '<' || c == '>' || c == '.' || c == ',' || c == '[' || c == ']';
}

static void fail(const char *msg) {
    fprintf(stderr, "bf: error: %s\n", msg);
    exit(1);
}

static void parse(const unsigned char *source, long n) {
    IntList open_pcs = {0};
    long i = 0;
    while (i < n) {
        int c = source[i++];
        if (c == '+' || c == '-') {
            long amount = 0;
            i--;
            for (; i < n; i++) {
                c = source[i];
                if (c == '+') amount++;
                else if (c == '-') amount--;
                else if (is_command(c)) break;
            }
            amount &= 0xff;
            if (amount != 0) emit(ADD, amount);
        } else if (c == '<' || c == '>') {
            long distance = 0;
            i--;
            for (; i < n; i++) {
                c = source[i];
                if (c == '>') distance++;
                else if (c == '<') distance--;
                else if (is_command(c)) break;
            }
            if (distance != 0) emit(MOVE, distance);
        } else if (c == '.') {
            emit(OUTPUT, 0);
        } else if (c == ',') {
            emit(INPUT, 0);
        } else if (c == '[') {
            push(&open_pcs, program.len);
            emit(LOOP, 0);
        } else if (c == ']') {
            if (open_pcs.len == 0) fail("unmatched ']'");
            long start = open_pcs.items[--open_pcs.len];
            long body = program.len - start - 1;
            if (body == 1 && program.items[start + 1] == ADD &&
                (bracket_map.items[start + 1] == 1 || bracket_map.items[start + 1] == 255)) {
                program.len--;
                bracket_map.len--;
                program.items[start] = SET_ZERO;
                bracket_map.items[start] = 0;
            } else {
                bracket_map.items[start] = program.len;
                emit(END, start);
            }
        }
    }
    if (open_pcs.len != 0) fail("unmatched '['");
    free(open_pcs.items);
}

static unsigned char out[FLUSH_AT];
static long out_len;

static void flush(void) {
    long done = 0;
    while (done < out_len) {
        ssize_t w = write(1, out + done, out_len - done);
        if (w <= 0) { perror("bf: write"); exit(1); }
        done += w;
    }
    out_len = 0;
}

static void mainloop(void) {
    long tape_len = TAPE_SIZE;
    long *tape = calloc(tape_len, sizeof(long));
    long position = 0, pc = 0;
    const long *prog = program.items, *arg = bracket_map.items;
    long n = program.len;
    if (!tape) { perror("bf"); exit(1); }
    while (pc < n) {
        switch (prog[pc]) {
        case ADD:
            tape[position] = (tape[position] + arg[pc]) & 0xff;
            break;
        case MOVE:
            position += arg[pc];
            if (position >= tape_len) {
                long old = tape_len;
                while (position >= tape_len) tape_len *= 2;
                tape = realloc(tape, tape_len * sizeof(long));
                if (!tape) { perror("bf"); exit(1); }
                memset(tape + old, 0, (tape_len - old) * sizeof(long));
            } else if (position < 0) {
                flush();
                fail("moved left of the first cell");
            }
            break;
        case LOOP:
            if (tape[position] == 0) pc = arg[pc];
            break;
        case END:
            if (tape[position] != 0) { pc = arg[pc] + 1; continue; }
            break;
        case SET_ZERO:
            tape[position] = 0;
            break;
        case OUTPUT:
            out[out_len++] = (unsigned char)tape[position];
            if (out_len >= FLUSH_AT) flush();
            break;
        case INPUT: {
            unsigned char b;
            flush();
            if (read(0, &b, 1) == 1) tape[position] = b;
            break;
        }
        }
        pc++;
    }
    free(tape);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: bf PROGRAM.b\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { perror(argv[1]); return 1; }
    unsigned char *source = NULL;
    long n = 0, cap = 0;
    for (;;) {
        if (cap - n < 65536) {
            cap = cap * 2 + 65536;
            source = realloc(source, cap);
            if (!source) { perror("bf"); return 1; }
        }
        ssize_t r = read(fd, source + n, 65536);
        if (r < 0) { perror(argv[1]); return 1; }
        if (r == 0) break;
        n += r;
    }
    close(fd);
    parse(source, n);
    free(source);
    mainloop();
    flush();
    return 0;
}
