//! Registers needed to execute an instruction again (resume "at" it):
//! the recorded liveness after it plus its own operands.

use rpy_jitformat::jitcode::{for_each_reg, Insn, JitCode, Live};
use rpy_jitformat::Kind;

pub fn add_operands(insn: &Insn, live: &mut Live, jc: &JitCode) {
    let mut i = insn.clone();
    for_each_reg(&mut i, &mut |k, r| {
        if jc.is_const(k, *r) {
            return;
        }
        let v = match k {
            Kind::Ref => &mut live.refs,
            Kind::Float => &mut live.floats,
            _ => &mut live.ints,
        };
        if !v.contains(r) {
            v.push(*r);
        }
    });
}
