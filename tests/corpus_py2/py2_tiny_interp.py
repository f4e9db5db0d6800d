# A small stack interpreter in RPython-classic style (like RPython's own
# jit/tl examples): bytecode as a byte string, opcodes by ord(), a
# JitDriver, xrange, print statements.
import sys
from rpython.rlib.jit import JitDriver

NOP, PUSH, POP, ADD, SUB, MUL, DIV, DUP, JUMP_IF, PRINT, HALT, SWAP = range(12)

jitdriver = JitDriver(greens=['pc', 'code'], reds=['stack'])


def interpret(code):
    pc = 0
    stack = []
    while True:
        jitdriver.jit_merge_point(pc=pc, code=code, stack=stack)
        opcode = ord(code[pc])
        pc += 1
        if opcode == PUSH:
            stack.append(ord(code[pc]))
            pc += 1
        elif opcode == POP:
            stack.pop()
        elif opcode == ADD:
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
        elif opcode == SUB:
            b = stack.pop()
            a = stack.pop()
            stack.append(a - b)
        elif opcode == MUL:
            b = stack.pop()
            a = stack.pop()
            stack.append(a * b)
        elif opcode == DIV:
            b = stack.pop()
            a = stack.pop()
            stack.append(a / b)
        elif opcode == DUP:
            stack.append(stack[-1])
        elif opcode == SWAP:
            b = stack.pop()
            a = stack.pop()
            stack.append(b)
            stack.append(a)
        elif opcode == JUMP_IF:
            target = ord(code[pc])
            pc += 1
            if stack.pop():
                pc = target
        elif opcode == PRINT:
            print stack[-1],
        elif opcode == HALT:
            break
    print
    return stack[-1]


def compile_countdown(n):
    # push n; loop: print; push 1; sub; dup; jump_if loop; halt
    return "".join([chr(PUSH), chr(n), chr(PRINT), chr(PUSH), chr(1), chr(SUB),
                    chr(DUP), chr(JUMP_IF), chr(2), chr(HALT)])


def entry_point(argv):
    print interpret(compile_countdown(10))
    code = chr(PUSH) + chr(100) + chr(PUSH) + chr(7) + chr(DIV) + chr(PRINT) + chr(HALT)
    print interpret(code)
    total = 0
    for i in xrange(1, 30):
        prog = chr(PUSH) + chr(i) + chr(PUSH) + chr(3) + chr(DIV) + chr(HALT)
        total += interpret(prog)
    print "total", total
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
