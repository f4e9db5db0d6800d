//! JIT hints as low-level ops (JIT.md, "What the earlier stages must
//! keep"): `driver.jit_merge_point(...)`, `can_enter_jit(...)`,
//! `loop_header()`, `promote(x)`, `we_are_jitted()`, `set_param(...)`;
//! the program's JitDrivers and the decorators of its functions
//! (`@elidable`, `@dont_look_inside`, ...) in `LlProgram::jit`.
//!
//! The ops name their driver by index and list its greens, then its reds,
//! in the driver's declared order (whatever the keyword order of the call).

use crate::emit::{c_signed, Emit, LlValue};
use crate::llop::LlOp as O;
use crate::lltype::{GraphHints, JitDriverInfo, LlConst, LowType};
use crate::lower_call::call_shape;
use crate::rtype::RTyper;
use rpy_annotator::SomeValue as S;
use rpy_flow::graph::Value;
use rpy_flow::rlib::FnHint;
use rpy_flow::{Flow, HostId, Op};
use rpy_syntax::Diagnostic;

type R = Result<LlValue, Diagnostic>;

impl<'a, 'p> RTyper<'a, 'p> {
    /// The index of a JitDriver in `LlProgram::jit.drivers`.
    pub(crate) fn jit_driver_index(&mut self, h: HostId) -> u32 {
        if let Some(&i) = self.jit_driver_ids.get(&h) {
            return i;
        }
        let (greens, reds) = rpy_flow::rlib::jitdriver_vars(self.prog, h).unwrap_or_default();
        let i = self.jit.drivers.len() as u32;
        // Annotated only with the JIT (see `rules_rlib::printable_location`).
        let get_printable_location =
            match rpy_flow::rlib::jitdriver_attr(self.prog, h, "get_printable_location") {
                Some(rpy_flow::Const::Host(f)) => self
                    .ann
                    .graph_of(*f)
                    .map(|g| cranelift_entity::EntityRef::index(g) as u32),
                _ => None,
            };
        self.jit.drivers.push(JitDriverInfo {
            name: self
                .jit_driver_name(h)
                .unwrap_or_else(|| format!("JitDriver #{i}")),
            greens,
            reds,
            auto_reds: rpy_flow::rlib::jitdriver_auto_reds(self.prog, h),
            get_printable_location,
        });
        self.jit_driver_ids.insert(h, i);
        i
    }

    /// The module-level name the driver is bound to (`module.jitdriver`),
    /// for messages and logs.
    fn jit_driver_name(&self, h: HostId) -> Option<String> {
        let mut names: Vec<String> = self
            .prog
            .objs
            .values()
            .filter_map(|o| match o {
                rpy_flow::HostObj::Module(m) => m
                    .globals
                    .iter()
                    .find(|(_, c)| *c == rpy_flow::Const::Host(h))
                    .map(|(n, _)| format!("JitDriver '{}.{n}'", m.name)),
                _ => None,
            })
            .collect();
        names.sort();
        names.into_iter().next()
    }

    /// `driver.jit_merge_point(**live)`, `driver.can_enter_jit(**live)`,
    /// `driver.loop_header()`.
    pub(crate) fn lower_jit_method(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        driver: HostId,
        name: &str,
    ) -> R {
        let jd = self.jit_driver_index(driver);
        if name == "loop_header" {
            e.op(O::JitLoopHeader, vec![c_signed(jd as i64)], LowType::Void);
            return Ok(Value::Const(LlConst::Void));
        }
        let kind = if name == "jit_merge_point" {
            O::JitMergePoint
        } else {
            O::CanEnterJit
        };
        let shape = call_shape(op);
        let info = self.jit.drivers[jd as usize].clone();
        let mut args = vec![c_signed(jd as i64)];
        for var in info.greens.iter().chain(info.reds.iter()) {
            let k = shape.kwnames.iter().position(|n| n == var).ok_or_else(|| {
                Diagnostic::new(op.span, format!("{name}() lacks the live variable '{var}'"))
            })?;
            let i = shape.kw(k);
            let v = match &op.args[i] {
                Value::Const(c) => self
                    .const_value(c, &anns[i])
                    .map_err(|m| Diagnostic::new(op.span, m))?,
                Value::Var(v) => Value::Var(*v),
            };
            args.push(v);
        }
        e.op(kind, args, LowType::Void);
        Ok(Value::Const(LlConst::Void))
    }

    /// `set_param(driver, "name", value)`.
    pub(crate) fn lower_jit_set_param(
        &mut self,
        e: &mut Emit,
        op: &Op<Flow>,
        anns: &[S],
        first: usize,
    ) -> R {
        let S::Intrinsic(rpy_annotator::rules_rlib::Intrinsic::JitDriver(h)) = &anns[first] else {
            return Err(Diagnostic::new(
                op.span,
                "set_param() takes a JitDriver first",
            ));
        };
        let jd = self.jit_driver_index(*h);
        let name = match op.args[first + 1].as_const().and_then(|c| c.as_str()) {
            Some(n) => n.to_string(),
            None => {
                return Err(Diagnostic::new(
                    op.span,
                    "set_param(): the parameter name must be a constant string",
                ))
            }
        };
        let Some(index) = rpy_jitformat::params::param_index(&name) else {
            return Err(Diagnostic::new(
                op.span,
                format!(
                    "set_param(): unknown JIT parameter '{name}' (known: {})",
                    rpy_jitformat::params::param_names()
                ),
            ));
        };
        let value = match &op.args[first + 2] {
            Value::Const(c) => self
                .const_value(c, &S::Int)
                .map_err(|m| Diagnostic::new(op.span, m))?,
            Value::Var(v) => self.convert(e, Value::Var(*v), &anns[first + 2], &S::Int),
        };
        e.op(
            O::JitSetParam,
            vec![c_signed(jd as i64), c_signed(index as i64), value],
            LowType::Void,
        );
        Ok(Value::Const(LlConst::Void))
    }

    /// Every annotated graph's JIT decorators, into `self.jit.graph_hints`.
    pub(crate) fn collect_graph_hints(&mut self) {
        for (gid, ag) in self.ann.graphs.iter() {
            let Some(hints) = self.prog.fn_hints.get(&ag.func) else {
                continue;
            };
            let mut gh = GraphHints::default();
            for h in hints {
                match h {
                    FnHint::Elidable => gh.elidable = true,
                    FnHint::DontLookInside => gh.dont_look_inside = true,
                    FnHint::LookInside => gh.look_inside = true,
                    FnHint::UnrollSafe => gh.unroll_safe = true,
                    FnHint::LoopInvariant => gh.loop_invariant = true,
                    _ => {}
                }
            }
            if gh != GraphHints::default() {
                let i = cranelift_entity::EntityRef::index(gid) as u32;
                self.jit.graph_hints.insert(i, gh);
            }
        }
    }
}
