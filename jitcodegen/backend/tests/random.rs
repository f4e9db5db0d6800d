//! Random int/float traces (a fixed-seed generator, so failures repeat),
//! compiled and interpreted on random inputs: the lowering of every
//! foldable op, guards with random fail args, and overflow guards, in
//! combinations no hand-written test has.

mod common;

use common::*;
use rpy_abi::gc::GcKind;
use rpy_jittrace::Const;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 11
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn int(&mut self) -> i64 {
        const EDGE: &[i64] = &[0, 1, -1, 2, 63, 64, i64::MAX, i64::MIN, -7, 1 << 31];
        match self.below(4) {
            0 => EDGE[self.below(EDGE.len())],
            1 => (self.next() % 200) as i64 - 100,
            _ => (self.next() << 11) as i64 ^ self.next() as i64,
        }
    }
}

const BINARY: &[&str] = &[
    "int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_min", "int_max",
    "int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge", "uint_lt", "uint_le", "uint_gt",
    "uint_ge",
];
const UNARY: &[&str] = &[
    "int_neg",
    "int_invert",
    "int_abs",
    "int_is_true",
    "int_is_zero",
];
const OVF: &[&str] = &["int_add_ovf", "int_sub_ovf", "int_mul_ovf"];

/// A random trace over `n` int inputs; returns its text.
fn random_trace(r: &mut Lcg, n: usize, len: usize) -> String {
    let mut text = format!(
        "[{}]\n",
        (0..n)
            .map(|k| format!("i{k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut ints: Vec<String> = (0..n).map(|k| format!("i{k}")).collect();
    let mut floats: Vec<String> = Vec::new();
    let mut next = n;
    let mut resume = 0u32;
    let mut fresh = |prefix: char| {
        next += 1;
        format!("{prefix}{}", next + 1000)
    };
    for _ in 0..len {
        resume += 1;
        let pick = |r: &mut Lcg, v: &[String]| -> String {
            if r.below(6) == 0 {
                r.int().to_string()
            } else {
                v[r.below(v.len())].clone()
            }
        };
        let a = pick(r, &ints);
        let b = pick(r, &ints);
        match r.below(10) {
            0..=3 => {
                let d = fresh('i');
                text += &format!("{d} = {}({a}, {b})\n", BINARY[r.below(BINARY.len())]);
                ints.push(d);
            }
            4 => {
                let d = fresh('i');
                text += &format!("{d} = {}({a})\n", UNARY[r.below(UNARY.len())]);
                ints.push(d);
            }
            5 => {
                // Division by a non-zero divisor.
                let nz = fresh('i');
                let d = fresh('i');
                let op = ["int_floordiv", "int_mod", "uint_floordiv"][r.below(3)];
                text += &format!("{nz} = int_or({b}, 1)\n{d} = {op}({a}, {nz})\n");
                ints.push(d);
            }
            6 => {
                // A shift by 0..127.
                let c = fresh('i');
                let d = fresh('i');
                let op = ["int_lshift", "int_rshift", "uint_rshift"][r.below(3)];
                text += &format!("{c} = int_and({b}, 127)\n{d} = {op}({a}, {c})\n");
                ints.push(d);
            }
            7 => {
                let d = fresh('i');
                let g = if r.below(2) == 0 {
                    "guard_no_overflow"
                } else {
                    "guard_overflow"
                };
                let fa = ints[r.below(ints.len())].clone();
                text += &format!(
                    "{d} = {}({a}, {b})\n{g}(descr=<resume {}>) [{fa}, {a}]\n",
                    OVF[r.below(3)],
                    resume
                );
                ints.push(d);
            }
            8 => {
                let f = fresh('f');
                let c = fresh('i');
                let src = if floats.is_empty() || r.below(2) == 0 {
                    text += &format!("{f} = cast_int_to_float({a})\n");
                    f.clone()
                } else {
                    let g = floats[r.below(floats.len())].clone();
                    let op = ["float_add", "float_sub", "float_mul"][r.below(3)];
                    text += &format!("{f} = {op}({g}, 0.5)\n");
                    f.clone()
                };
                floats.push(src.clone());
                let cmp = ["float_lt", "float_ge", "float_eq"][r.below(3)];
                text += &format!("{c} = {cmp}({src}, -3.5)\n");
                ints.push(c);
            }
            _ => {
                // A guard that fails for about a third of the inputs.
                let c = fresh('i');
                let k = fresh('i');
                let fa: Vec<String> = (0..1 + r.below(3))
                    .map(|_| ints[r.below(ints.len())].clone())
                    .collect();
                text += &format!(
                    "{k} = int_and({a}, 3)\n{c} = int_ne({k}, 0)\nguard_true({c}, descr=<resume {}>) [{}]\n",
                    resume,
                    fa.join(", ")
                );
            }
        }
    }
    // Finish with a mix of everything computed.
    let mut acc = ints[0].clone();
    for v in ints.iter().skip(1) {
        let d = fresh('i');
        text += &format!("{d} = int_xor({acc}, {v})\n");
        let m = fresh('i');
        text += &format!("{m} = int_mul({d}, 31)\n");
        acc = m;
    }
    text += &format!("finish({acc})\n");
    text
}

#[test]
fn random_int_traces() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let mut r = Lcg(0x5eed);
    let mut guard_exits = 0;
    for _ in 0..150 {
        let text = random_trace(&mut r, 3, 25);
        let id = p.add_loop(&text);
        for _ in 0..12 {
            let args: Vec<Const> = (0..3).map(|_| Const::Int(r.int())).collect();
            let want = p.interp(id, &args);
            let got = p.compiled(id, &args);
            assert_eq!(got, want, "inputs {args:?}\n{text}");
            guard_exits += matches!(got, rpy_jittrace::Exit::GuardFailed { .. }) as usize;
        }
    }
    assert!(
        guard_exits > 100 && guard_exits < 1700,
        "{guard_exits} guard exits"
    );
}
