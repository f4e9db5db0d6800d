/* The natural-style Brainfuck interpreter of tests/bench/bf_chars.py, in C,
 * for the benchmark: the same algorithm (the program's commands kept as a
 * string, one `if` chain on the character per step, brackets matched in an
 * int array, a 30000-cell tape of bytes stored in ints masked with 255,
 * output buffered and written every 4096 characters and before each read).
 *
 * Build: gcc -O2 -o bf_chars tests/bench/bf_chars.c; run: ./bf_chars PROGRAM.b
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TAPE_SIZE 30000
#define FLUSH_AT 4096

static char out[FLUSH_AT];
static long out_len;

static void flush(void) {
    if (out_len > 0) {
        if (write(1, out, out_len) < 0) exit(1);
        out_len = 0;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: bf_chars PROGRAM.b\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) return 1;
    char *code = NULL;
    long n = 0, cap = 0;
    char buf[65536];
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got <= 0) break;
        for (ssize_t i = 0; i < got; i++) {
            if (strchr("+-<>[].,", buf[i]) && buf[i]) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 4096;
                    code = realloc(code, cap);
                }
                code[n++] = buf[i];
            }
        }
    }
    close(fd);
    long *targets = calloc(n + 1, sizeof(long));
    long *stack = malloc((n + 1) * sizeof(long));
    long depth = 0;
    for (long pc = 0; pc < n; pc++) {
        if (code[pc] == '[') {
            stack[depth++] = pc;
        } else if (code[pc] == ']') {
            if (depth == 0) return 1;
            long start = stack[--depth];
            targets[start] = pc;
            targets[pc] = start;
        }
    }
    if (depth > 0) return 1;
    long *tape = calloc(TAPE_SIZE, sizeof(long));
    long pos = 0;
    for (long pc = 0; pc < n; pc++) {
        char c = code[pc];
        if (c == '+') {
            tape[pos] = (tape[pos] + 1) & 255;
        } else if (c == '-') {
            tape[pos] = (tape[pos] - 1) & 255;
        } else if (c == '>') {
            pos++;
        } else if (c == '<') {
            pos--;
        } else if (c == '[') {
            if (tape[pos] == 0) pc = targets[pc];
        } else if (c == ']') {
            if (tape[pos] != 0) pc = targets[pc];
        } else if (c == '.') {
            out[out_len++] = (char)tape[pos];
            if (out_len >= FLUSH_AT) flush();
        } else if (c == ',') {
            flush();
            unsigned char b;
            if (read(0, &b, 1) == 1) tape[pos] = b;
        }
    }
    flush();
    return 0;
}
