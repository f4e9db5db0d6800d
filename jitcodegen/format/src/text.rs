//! Jitcodes as text, for people (`rpython --dump-jitcodes`): registers
//! are `%i3`, `%r0`, `%f1`; constants are printed in place (`$42`,
//! `$prebuilt7`, `$func12`); descriptors by name.

use crate::descr::Kind;
use crate::jitcode::{Callee, ConstInt, ConstRef, Insn, JitCode, JitProgram, KReg, Reg};
use std::fmt::Write;

struct Printer<'a> {
    p: &'a JitProgram,
    jc: &'a JitCode,
}

impl Printer<'_> {
    fn r(&self, kind: Kind, r: Reg) -> String {
        let bank = match kind {
            Kind::Ref => 1,
            Kind::Float => 2,
            _ => 0,
        };
        let n = self.jc.num_regs[bank];
        if r < n {
            return format!("%{}{}", kind.letter(), r);
        }
        let k = (r - n) as usize;
        match kind {
            Kind::Int => match self.jc.consts_i.get(k) {
                Some(ConstInt::Value(v)) => format!("${v}"),
                Some(ConstInt::Func(f)) => format!("$func:{}", self.func_name(*f)),
                Some(ConstInt::Extern(e)) => format!("$extern:{}", self.p.externs[*e as usize]),
                None => format!("$bad{k}"),
            },
            Kind::Ref => match self.jc.consts_r.get(k) {
                Some(ConstRef::Null) => "$null".into(),
                Some(ConstRef::Prebuilt(i)) => format!("$prebuilt{}", self.p.prebuilt[*i as usize]),
                None => format!("$bad{k}"),
            },
            Kind::Float => match self.jc.consts_f.get(k) {
                Some(x) => format!("${x:?}"),
                None => format!("$bad{k}"),
            },
            Kind::Void => "void".into(),
        }
    }

    fn k(&self, k: &KReg) -> String {
        self.r(k.kind, k.reg)
    }

    fn ks(&self, ks: &[KReg]) -> String {
        ks.iter().map(|k| self.k(k)).collect::<Vec<_>>().join(", ")
    }

    fn func_name(&self, f: u32) -> String {
        let g = self.p.funcs[f as usize];
        match self.p.jitcode_of.get(g as usize).copied().flatten() {
            Some(j) => self.p.jitcodes[j as usize].name.clone(),
            None => format!("graph{g}"),
        }
    }

    fn insn(&self, i: &Insn) -> String {
        let d = &self.p.descrs;
        let dst = |k: &Option<KReg>| match k {
            Some(k) if k.kind != Kind::Void => format!("{} = ", self.k(k)),
            _ => String::new(),
        };
        match i {
            Insn::Copy { kind, src, dst } => {
                format!("{} = {}", self.r(*kind, *dst), self.r(*kind, *src))
            }
            Insn::Pure {
                op,
                args,
                dst: t,
                raises,
            } => format!(
                "{}{}({}){}",
                dst(&Some(*t)),
                op.name(),
                self.ks(args),
                if *raises { " [raises]" } else { "" }
            ),
            Insn::GetField { obj, field, dst: t } => {
                format!(
                    "{} = getfield({}, {})",
                    self.k(t),
                    self.r(Kind::Ref, *obj),
                    d.fields[*field as usize].name
                )
            }
            Insn::SetField { obj, field, value } => format!(
                "setfield({}, {}, {})",
                self.r(Kind::Ref, *obj),
                d.fields[*field as usize].name,
                self.k(value)
            ),
            Insn::GetArrayItem {
                array,
                index,
                descr,
                dst: t,
            } => format!(
                "{} = getarrayitem({}, {}, {})",
                self.k(t),
                self.r(Kind::Ref, *array),
                self.r(Kind::Int, *index),
                d.arrays[*descr as usize].name
            ),
            Insn::SetArrayItem {
                array,
                index,
                descr,
                value,
            } => format!(
                "setarrayitem({}, {}, {}, {})",
                self.r(Kind::Ref, *array),
                self.r(Kind::Int, *index),
                self.k(value),
                d.arrays[*descr as usize].name
            ),
            Insn::ArrayLen {
                array,
                descr,
                dst: t,
            } => format!(
                "{} = arraylen({}, {})",
                self.r(Kind::Int, *t),
                self.r(Kind::Ref, *array),
                d.arrays[*descr as usize].name
            ),
            Insn::ArrayCopy {
                src,
                dst: t,
                src_start,
                dst_start,
                length,
                descr,
            } => format!(
                "arraycopy({}, {}, {}, {}, {}, {})",
                self.r(Kind::Ref, *src),
                self.r(Kind::Ref, *t),
                self.r(Kind::Int, *src_start),
                self.r(Kind::Int, *dst_start),
                self.r(Kind::Int, *length),
                d.arrays[*descr as usize].name
            ),
            Insn::GetTypeId { obj, dst: t } => {
                format!(
                    "{} = gettypeid({})",
                    self.r(Kind::Int, *t),
                    self.r(Kind::Ref, *obj)
                )
            }
            Insn::New { size, dst: t } => format!(
                "{} = new({})",
                self.r(Kind::Ref, *t),
                d.sizes[*size as usize].name
            ),
            Insn::NewArray {
                descr,
                length,
                dst: t,
            } => format!(
                "{} = new_array({}, {})",
                self.r(Kind::Ref, *t),
                d.arrays[*descr as usize].name,
                self.r(Kind::Int, *length)
            ),
            Insn::Call {
                callee,
                descr,
                args,
                dst: t,
            } => {
                let c = &d.calls[*descr as usize];
                let target = match callee {
                    Callee::Func(f) => self.func_name(*f),
                    Callee::Extern(e) => self.p.externs[*e as usize].clone(),
                    Callee::Indirect(r) => format!("*{}", self.r(Kind::Int, *r)),
                };
                let mut flags = Vec::new();
                if c.effect.elidable {
                    flags.push("elidable");
                }
                if c.effect.loop_invariant {
                    flags.push("loopinvariant");
                }
                let flags = if flags.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", flags.join(", "))
                };
                format!(
                    "{}residual_call {}({}) <{}>{}",
                    dst(t),
                    target,
                    self.ks(args),
                    c.signature(),
                    flags
                )
            }
            Insn::InlineCall {
                jitcode,
                args,
                dst: t,
            } => format!(
                "{}inline_call {}({})",
                dst(t),
                self.p.jitcodes[*jitcode as usize].name,
                self.ks(args)
            ),
            Insn::Raise { value } => format!("raise {}", self.r(Kind::Ref, *value)),
            Insn::RaiseNew { typeid, message } => {
                format!(
                    "raise_new({}, {})",
                    self.r(Kind::Int, *typeid),
                    self.r(Kind::Ref, *message)
                )
            }
            Insn::Reraise => "reraise".into(),
            Insn::Catch { handler } => format!("catch_exception L{handler}"),
            Insn::GotoIfExcMismatch { min, max, target } => {
                format!("goto_if_exception_mismatch {min}..={max}, L{target}")
            }
            Insn::LastExcType { dst: t } => format!("{} = last_exception", self.r(Kind::Int, *t)),
            Insn::LastExcValue { dst: t } => format!("{} = last_exc_value", self.r(Kind::Ref, *t)),
            Insn::Goto { target } => format!("goto L{target}"),
            Insn::GotoIfNot { cond, target } => {
                format!("goto_if_not {}, L{target}", self.r(Kind::Int, *cond))
            }
            Insn::Switch {
                value,
                cases,
                default,
            } => {
                let cs: Vec<String> = cases.iter().map(|(k, t)| format!("{k}: L{t}")).collect();
                format!(
                    "switch {} {{{}; default: L{default}}}",
                    self.r(Kind::Int, *value),
                    cs.join(", ")
                )
            }
            Insn::Return { value } => match value {
                Some(v) => format!("return {}", self.k(v)),
                None => "return".into(),
            },
            Insn::JitMergePoint {
                driver,
                greens,
                reds,
            } => {
                format!(
                    "jit_merge_point {driver}, greens [{}], reds [{}]",
                    self.ks(greens),
                    self.ks(reds)
                )
            }
            Insn::LoopHeader { driver } => format!("loop_header {driver}"),
            Insn::Promote { src, dst: t } => format!("{} = promote({})", self.k(t), self.k(src)),
            Insn::SetParam {
                driver,
                param,
                value,
            } => {
                format!(
                    "set_param({driver}, {}, {})",
                    crate::params::PARAMS[*param as usize].0,
                    self.r(Kind::Int, *value)
                )
            }
        }
    }
}

fn live_text(p: &Printer, l: &crate::jitcode::Live) -> String {
    let mut v = Vec::new();
    v.extend(l.ints.iter().map(|r| p.r(Kind::Int, *r)));
    v.extend(l.refs.iter().map(|r| p.r(Kind::Ref, *r)));
    v.extend(l.floats.iter().map(|r| p.r(Kind::Float, *r)));
    v.join(" ")
}

/// One jitcode as text.
pub fn print_jitcode(p: &JitProgram, jc: &JitCode) -> String {
    let pr = Printer { p, jc };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "jitcode {}({}) -> {}{}",
        jc.name,
        pr.ks(&jc.params),
        jc.result.letter(),
        if jc.has_loops { " [loops]" } else { "" }
    );
    let targets: std::collections::BTreeSet<u32> = jc
        .code
        .iter()
        .flat_map(|i| match i {
            Insn::Goto { target }
            | Insn::GotoIfNot { target, .. }
            | Insn::GotoIfExcMismatch { target, .. } => {
                vec![*target]
            }
            Insn::Catch { handler } => vec![*handler],
            Insn::Switch { cases, default, .. } => {
                cases.iter().map(|c| c.1).chain([*default]).collect()
            }
            _ => vec![],
        })
        .collect();
    for (pc, i) in jc.code.iter().enumerate() {
        if targets.contains(&(pc as u32)) {
            let _ = writeln!(out, "L{pc}:");
        }
        let _ = write!(out, "  {pc:4}  {}", pr.insn(i));
        if let Some(l) = jc.live_at(pc as u32) {
            let _ = write!(out, "    -live- {}", live_text(&pr, l));
        }
        out.push('\n');
    }
    out
}

/// The whole program: drivers, then every jitcode.
pub fn print_program(p: &JitProgram) -> String {
    let mut out = String::new();
    for d in &p.drivers {
        let names = |v: &[(String, Kind)]| {
            v.iter()
                .map(|(n, k)| format!("{n}:{}", k.letter()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "driver {}: greens [{}] reds [{}] portal {} merge point at {}",
            d.name,
            names(&d.greens),
            names(&d.reds),
            p.jitcodes[d.portal as usize].name,
            d.merge_point
        );
    }
    for (name, why) in &p.refused {
        let _ = writeln!(out, "opaque {name}: {why}");
    }
    for jc in &p.jitcodes {
        out.push('\n');
        out.push_str(&print_jitcode(p, jc));
    }
    out
}
