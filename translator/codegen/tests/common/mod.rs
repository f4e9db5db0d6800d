//! Test helpers: a concise builder for low-level programs, the real
//! runtime library (built once per test run with a nested cargo), and a
//! runner that compiles a program at both optimisation levels with the
//! Cranelift verifier on, links it, runs it, and renders stdout, stderr
//! and the exit code as one text to compare.

#![allow(dead_code)]

use cranelift_entity::SecondaryMap;
use rpy_codegen::{CodegenOptions, OptLevel};
use rpy_flow::graph::{Block, Exitswitch, Graph, Link, Op, Value, Var};
use rpy_rtyper::lltype::LlValue;
use rpy_rtyper::{
    GcType, GcTypeId, Ll, LlConst, LlGraph, LlOp, LlProgram, LowType, Prebuilt, TypeTable,
};
use rpy_syntax::Span;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub fn v(x: Var) -> LlValue {
    Value::Var(x)
}
pub fn int(i: i64) -> LlValue {
    Value::Const(LlConst::Signed(i))
}
pub fn flt(x: f64) -> LlValue {
    Value::Const(LlConst::Float(x))
}
pub fn ext(name: &str) -> LlConst {
    LlConst::Extern(name.into())
}

/// A program under construction: types (with the builtin exception
/// classes), prebuilt objects, graphs.
pub struct Prog {
    pub p: LlProgram,
}

pub const EXC_BASE: &str = "Exception";

impl Prog {
    /// Type ids: the `rpy_abi` ones, then `Exception` and each runtime
    /// exception class (all `{hdr, msg: Ptr(STR)}`), contiguous so that
    /// `ClassRange(exception(), last)` catches everything.
    pub fn new() -> Prog {
        let mut types = TypeTable::new();
        let mut type_names: Vec<Option<String>> = vec![None; types.types.len()];
        let mut runtime_exc_typeids = Vec::new();
        for name in std::iter::once(EXC_BASE).chain(rpy_abi::RUNTIME_EXCEPTIONS.iter().copied()) {
            let id = types.types.push(GcType {
                name: name.into(),
                fields: vec![("msg".into(), LowType::Ptr(TypeTable::STR))],
                items: None,
            });
            type_names.push(Some(name.into()));
            if name != EXC_BASE {
                runtime_exc_typeids.push(id.as_u32() as i64);
            }
        }
        Prog {
            p: LlProgram {
                types,
                graphs: Vec::new(),
                prebuilt: Vec::new(),
                entry: 0,
                type_names,
                runtime_exc_typeids,
                jit: Default::default(),
            },
        }
    }

    /// Type id of an exception class by name.
    pub fn exc(&self, name: &str) -> u32 {
        let i = self
            .p
            .type_names
            .iter()
            .position(|n| n.as_deref() == Some(name))
            .expect("exception class");
        i as u32
    }

    pub fn exc_type(&self, name: &str) -> GcTypeId {
        GcTypeId::from_u32(self.exc(name))
    }

    /// A prebuilt str constant.
    pub fn str(&mut self, s: &str) -> LlValue {
        let i = self.p.prebuilt.len() as u32;
        self.p.prebuilt.push(Prebuilt {
            typ: TypeTable::STR,
            fields: vec![LlConst::Signed(0)],
            items: s.chars().map(|c| LlConst::UniChar(c as u32)).collect(),
        });
        Value::Const(LlConst::Prebuilt(i, TypeTable::STR))
    }

    pub fn add_type(&mut self, t: GcType) -> GcTypeId {
        self.p.type_names.push(None);
        self.p.types.types.push(t)
    }

    pub fn add(&mut self, g: Gb) -> u32 {
        self.p.graphs.push(g.finish());
        self.p.graphs.len() as u32 - 1
    }

    /// Index the next added graph will get.
    pub fn next_index(&self) -> u32 {
        self.p.graphs.len() as u32
    }
}

/// A graph under construction.
pub struct Gb {
    pub g: Graph<Ll>,
    pub types: SecondaryMap<Var, LowType>,
    pub result: LowType,
}

impl Gb {
    pub fn new(name: &str, params: &[LowType], result: LowType) -> (Gb, Vec<Var>) {
        let g = Graph::new(name, Span::default());
        let mut types = SecondaryMap::new();
        types[g.blocks[g.returnblock].inputargs[0]] = result;
        let [et, ev] = g.blocks[g.exceptblock].inputargs[..] else {
            unreachable!()
        };
        types[et] = LowType::Signed;
        types[ev] = LowType::Ptr(GcTypeId::from_u32(rpy_abi::FIRST_FREE_TYPEID));
        let mut gb = Gb { g, types, result };
        let ps: Vec<Var> = params.iter().map(|&t| gb.var(t)).collect();
        let start = gb.g.startblock;
        gb.g.blocks[start].inputargs = ps.clone();
        (gb, ps)
    }

    pub fn var(&mut self, t: LowType) -> Var {
        let x = self.g.new_var(None);
        self.types[x] = t;
        x
    }

    pub fn start(&self) -> Block {
        self.g.startblock
    }

    pub fn block(&mut self, types: &[LowType]) -> (Block, Vec<Var>) {
        let vs: Vec<Var> = types.iter().map(|&t| self.var(t)).collect();
        (self.g.new_block(vs.clone()), vs)
    }

    pub fn op(&mut self, b: Block, kind: LlOp, args: Vec<LlValue>, t: LowType) -> Var {
        let result = self.var(t);
        self.g.blocks[b].ops.push(Op {
            kind,
            args,
            result,
            span: Span::default(),
        });
        result
    }

    pub fn call(&mut self, b: Block, f: LlConst, mut args: Vec<LlValue>, t: LowType) -> Var {
        args.insert(0, Value::Const(f));
        self.op(b, LlOp::DirectCall, args, t)
    }

    pub fn print(&mut self, b: Block, s: LlValue) {
        self.call(b, ext("rpy_print_str"), vec![s], LowType::Void);
    }

    pub fn print_int(&mut self, b: Block, x: LlValue) {
        let s = self.call(
            b,
            ext("rpy_str_from_int"),
            vec![x],
            LowType::Ptr(TypeTable::STR),
        );
        self.print(b, v(s));
    }

    pub fn goto(&mut self, from: Block, to: Block, args: Vec<LlValue>) {
        self.g.blocks[from].exits = vec![Link::new(args, to)];
    }

    pub fn ret(&mut self, from: Block, x: LlValue) {
        let r = self.g.returnblock;
        self.goto(from, r, vec![x]);
    }

    pub fn raise(&mut self, from: Block, etype: LlValue, evalue: LlValue) {
        let e = self.g.exceptblock;
        self.goto(from, e, vec![etype, evalue]);
    }

    /// `if cond: then else: other`.
    pub fn branch(
        &mut self,
        from: Block,
        cond: Var,
        then: (Block, Vec<LlValue>),
        other: (Block, Vec<LlValue>),
    ) {
        let mut t = Link::new(then.1, then.0);
        t.exitcase = Some(LlConst::Bool(true));
        let mut f = Link::new(other.1, other.0);
        f.exitcase = Some(LlConst::Bool(false));
        self.g.blocks[from].exitswitch = Exitswitch::Value(cond);
        self.g.blocks[from].exits = vec![f, t];
    }

    /// Integer switch: cases then the default.
    pub fn switch(
        &mut self,
        from: Block,
        x: Var,
        cases: Vec<(i64, Block, Vec<LlValue>)>,
        default: (Block, Vec<LlValue>),
    ) {
        let mut exits: Vec<Link<Ll>> = cases
            .into_iter()
            .map(|(k, b, args)| {
                let mut l = Link::new(args, b);
                l.exitcase = Some(LlConst::Signed(k));
                l
            })
            .collect();
        exits.push(Link::new(default.1, default.0));
        self.g.blocks[from].exitswitch = Exitswitch::Value(x);
        self.g.blocks[from].exits = exits;
    }

    /// Fresh `(last_exception, last_exc_value)` variables for a handler.
    pub fn exc_vars(&mut self) -> (Var, Var) {
        (
            self.var(LowType::Signed),
            self.var(LowType::Ptr(GcTypeId::from_u32(rpy_abi::FIRST_FREE_TYPEID))),
        )
    }

    /// The block's last op may raise: `normal` when it does not, else the
    /// first handler whose class range holds the exception; each handler
    /// may bind the exception vars made by `exc_vars`.
    pub fn catch(
        &mut self,
        from: Block,
        normal: (Block, Vec<LlValue>),
        handlers: Vec<((u32, u32), Option<(Var, Var)>, Block, Vec<LlValue>)>,
    ) {
        let mut exits = vec![Link::new(normal.1, normal.0)];
        for ((lo, hi), vars, b, args) in handlers {
            let mut l = Link::new(args, b);
            l.exitcase = Some(LlConst::ClassRange(lo, hi));
            if let Some((t, val)) = vars {
                l.last_exception = Some(t);
                l.last_exc_value = Some(val);
            }
            exits.push(l);
        }
        self.g.blocks[from].exitswitch = Exitswitch::LastException;
        self.g.blocks[from].exits = exits;
    }

    pub fn finish(self) -> LlGraph {
        LlGraph {
            graph: self.g,
            var_types: self.types,
            result_type: self.result,
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// The runtime staticlib, built from the workspace once per test run.
pub fn runtime_lib() -> &'static Path {
    static LIB: OnceLock<PathBuf> = OnceLock::new();
    LIB.get_or_init(|| {
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rpyrt");
        let mut cmd = Command::new(env!("CARGO"));
        cmd.current_dir(workspace_root())
            .args([
                "build",
                "--release",
                "-q",
                "-p",
                "rpyrt",
                "--lib",
                "--target-dir",
            ])
            .arg(&target);
        for var in [
            "CARGO_TARGET_DIR",
            "RUSTFLAGS",
            "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_BUILD_TARGET",
        ] {
            cmd.env_remove(var);
        }
        let out = cmd.output().expect("run cargo");
        assert!(
            out.status.success(),
            "building rpyrt failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        target.join("release/librpyrt.a")
    })
}

/// Compiles (verifier on) at both optimisation levels, links with the
/// runtime, runs with `args`; both runs must agree. Returns
/// `stdout`, then `stderr:` lines if any, then `exit: N`.
pub fn run(prog: &LlProgram, name: &str, args: &[&str]) -> String {
    let mut results = Vec::new();
    for opt in [OptLevel::None, OptLevel::Speed] {
        let obj = rpy_codegen::emit_object(
            prog,
            &CodegenOptions {
                opt_level: opt,
                verify: true,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("codegen failed: {e}"));
        let exe = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{opt:?}"));
        rpy_codegen::link(&obj, runtime_lib(), &exe).unwrap_or_else(|e| panic!("{e}"));
        let out = Command::new(&exe)
            .args(args)
            .output()
            .expect("run the program");
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        if !out.stderr.is_empty() {
            for line in String::from_utf8_lossy(&out.stderr).lines() {
                text.push_str(&format!("stderr: {line}\n"));
            }
        }
        text.push_str(&format!(
            "exit: {}\n",
            out.status
                .code()
                .map_or("signal".to_string(), |c| c.to_string())
        ));
        results.push(text);
    }
    assert_eq!(results[0], results[1], "-O0 and -O2 disagree");
    results.pop().unwrap()
}
