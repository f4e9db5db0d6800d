//! The trace text form (RPython's trace dumps, made to parse back):
//!
//! ```text
//! descr <field Other.y +16 i8>           # header: descriptors no op names
//! [i0, p1]
//! label(i0, p1, descr=<loop 0>)
//! i2 = int_add(i0, 1)
//! i3 = int_lt(i2, 100)
//! guard_true(i3, descr=<resume 7>) [i2, p1]
//! i5 = getfield_gc_i(p1, descr=<field Node.x +8 i8>)
//! jump(i2, p1, descr=<loop 0>)
//! ```
//!
//! Values are named by kind letter (`i`, `p`, `f`) and var number, so the
//! names of a printed trace are positions. Constants: integers in decimal,
//! floats always with a `.` or exponent (`nan`, `inf`, `-inf`), pointers
//! `ConstPtr(0x...)` and `NULL`. Descriptors print in full (see
//! `descr_text`), so a trace's text is self-contained.

use std::fmt::Write;

use rpy_jitformat::{DescrRef, Descrs, Kind};

use crate::descr_text::{write_descr, write_name};
use crate::model::{Const, FailArg, OpDescr, Trace, Value, Var};
use crate::resop::OpCode;

pub fn kind_prefix(kind: Kind) -> char {
    match kind {
        Kind::Int => 'i',
        Kind::Ref => 'p',
        Kind::Float => 'f',
        Kind::Void => 'v',
    }
}

pub fn write_const(out: &mut String, c: Const) {
    match c {
        Const::Int(i) => write!(out, "{i}").unwrap(),
        Const::Ref(0) => out.push_str("NULL"),
        Const::Ref(p) => write!(out, "ConstPtr({p:#x})").unwrap(),
        Const::Float(f) => {
            if f.is_nan() {
                out.push_str("nan")
            } else if f.is_infinite() {
                out.push_str(if f > 0.0 { "inf" } else { "-inf" })
            } else {
                // `{:?}` always shows a `.` or an exponent, and round-trips.
                write!(out, "{f:?}").unwrap()
            }
        }
    }
}

fn write_var(out: &mut String, trace: &Trace, v: Var) {
    write!(out, "{}{}", kind_prefix(trace.var_kind(v)), v.as_u32()).unwrap();
}

pub fn write_value(out: &mut String, trace: &Trace, v: Value) {
    match v {
        Value::Var(v) => write_var(out, trace, v),
        Value::Const(c) => write_const(out, c),
    }
}

/// Descriptors that appear only inside call effects must be declared in
/// the header so the text parses back to the same table.
fn header_descrs(trace: &Trace, descrs: &Descrs) -> Vec<DescrRef> {
    let mut used = Vec::new();
    let mut wanted = Vec::new();
    for op in &trace.ops {
        if let Some(d) = op.descr_ref() {
            used.push(d);
            if let DescrRef::Call(c) = d {
                if let Some(call) = descrs.calls.get(c as usize) {
                    wanted.extend(call.effect.write_fields.iter().map(|&f| DescrRef::Field(f)));
                    wanted.extend(call.effect.write_arrays.iter().map(|&a| DescrRef::Array(a)));
                }
            }
        }
    }
    let mut out = Vec::new();
    for d in wanted {
        if !used.contains(&d) && !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

pub fn print_trace(trace: &Trace, descrs: &Descrs) -> String {
    let mut out = String::new();
    for d in header_descrs(trace, descrs) {
        out.push_str("descr ");
        write_descr(&mut out, descrs, d);
        out.push('\n');
    }
    out.push('[');
    for i in 0..trace.inputargs.len() {
        if i > 0 {
            out.push_str(", ");
        }
        write_var(&mut out, trace, trace.inputarg(i));
    }
    out.push_str("]\n");
    for (i, op) in trace.ops.iter().enumerate() {
        if op.opcode.result_kind() != Kind::Void {
            write_var(&mut out, trace, trace.op_var(i));
            out.push_str(" = ");
        }
        out.push_str(op.opcode.name());
        out.push('(');
        let mut first = true;
        for &a in &op.args {
            if !first {
                out.push_str(", ");
            }
            first = false;
            write_value(&mut out, trace, a);
        }
        let mut sep = |out: &mut String| {
            if !first {
                out.push_str(", ");
            }
            first = false;
        };
        match &op.descr {
            OpDescr::None => {}
            OpDescr::Descr(d) => {
                sep(&mut out);
                out.push_str("descr=");
                write_descr(&mut out, descrs, *d);
            }
            OpDescr::Target(t) => {
                sep(&mut out);
                write!(out, "descr=<loop {}>", t.0).unwrap();
            }
            OpDescr::Text(s) => {
                sep(&mut out);
                write_name(&mut out, s, true);
            }
        }
        if let Some(g) = &op.guard {
            sep(&mut out);
            write!(out, "descr=<resume {}>", g.resume.0).unwrap();
        }
        out.push(')');
        if op.opcode.is_guard() {
            out.push_str(" [");
            for (k, fa) in op.fail_args().iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                match *fa {
                    FailArg::Value(v) => write_value(&mut out, trace, v),
                }
            }
            out.push(']');
        }
        out.push('\n');
    }
    out
}

/// One op as text (for error messages and logs).
pub fn print_op(trace: &Trace, descrs: &Descrs, index: usize) -> String {
    let one = Trace {
        inputargs: trace.inputargs.clone(),
        ops: trace.ops[..=index].to_vec(),
    };
    let text = print_trace(&one, descrs);
    text.lines().last().unwrap_or("").to_string()
}

impl OpCode {
    /// True for the ops whose text form has a string argument.
    pub fn has_text(self) -> bool {
        self == OpCode::DebugMergePoint
    }
}
