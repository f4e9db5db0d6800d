//! The translation-time object space: modules, functions, classes and the
//! prebuilt objects that module initialisation creates. Ids, not pointers:
//! a `Const::Host(id)` names an entry of `Program::objs`.

use crate::model::Const;
use cranelift_entity::{entity_impl, PrimaryMap};
use rpy_syntax::ast;
use rpy_syntax::{SourceMap, Span};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HostId(u32);
entity_impl!(HostId, "h");

macro_rules! builtins {
    ($( $(#[$doc:meta])* $variant:ident $text:literal ; )*) => {
        /// Functions and modules the toolchain implements itself. The text
        /// is the qualified name by which source reaches them.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Builtin { $( $(#[$doc])* $variant, )* }

        impl Builtin {
            pub const ALL: &'static [Builtin] = &[ $( Builtin::$variant, )* ];
            pub fn name(self) -> &'static str {
                match self { $( Builtin::$variant => $text, )* }
            }
            pub fn from_name(s: &str) -> Option<Builtin> {
                match s { $( $text => Some(Builtin::$variant), )* _ => None }
            }
        }
    };
}

builtins! {
    Len "len";
    /// `globals()`: translation-time code only (`eval/builtins.rs`).
    Globals "globals";
    Range "range";
    Print "print";
    StrFn "str";
    IntFn "int";
    FloatFn "float";
    BoolFn "bool";
    Abs "abs";
    Min "min";
    Max "max";
    Repr "repr";
    Chr "chr";
    Ord "ord";
    IsInstance "isinstance";
    Sum "sum";
    Any "any";
    All "all";
    Sorted "sorted";
    Enumerate "enumerate";
    Zip "zip";
    Reversed "reversed";
    ListFn "list";
    DictFn "dict";
    TupleFn "tuple";
    BytesFn "bytes";
    Hash "hash";
    /// `object`, only as a class base (dropped from the bases).
    ObjectType "object";
    /// `super(C, obj)`; the flow builder turns `super()` in a method into
    /// `super(<defining class>, <first parameter>)`.
    Super "super";
    /// `BaseException.__init__` (reached as `Exception.__init__` etc. on
    /// classes that do not define their own): sets the instance's `args`.
    ExcInit "BaseException.__init__";
    /// `@staticmethod` (identity; the decorator on the def marks it).
    StaticMethod "staticmethod";
    /// `type(x)` called as a function.
    TypeFn "type";
    /// `getattr(obj, name[, default])`; in a function the name must be a
    /// constant (the builder emits a plain `getattr` op).
    GetAttrFn "getattr";
    /// py2 `print a, b,`: the builder emits one `print_item(fd, x)` per
    /// value (Python 2's softspace rule: a space before an item unless the
    /// line is fresh) and `print_newline(fd)` unless a comma ends it.
    Py2PrintItem "__py2__.print_item";
    Py2PrintNewline "__py2__.print_newline";
    /// py2 `str(x)` (a float prints with 12 significant digits): the
    /// builder calls this where a function of a py2 program calls `str`.
    Py2Str "__py2__.str";
    /// The `os` module itself (its attributes are builtins below).
    OsModule "os";
    OsWrite "os.write";
    OsRead "os.read";
    OsOpen "os.open";
    OsClose "os.close";
    OsLseek "os.lseek";
    OsGetenv "os.getenv";
    TimeModule "time";
    /// The `sys` module: importable in py2 programs so that
    /// `print >>sys.stderr, x` works; none of its attributes is supported.
    SysModule "sys";
    TimeTime "time.time";
    TimePerfCounter "time.perf_counter";
    MathModule "math";
    MathSqrt "math.sqrt";
    MathFloor "math.floor";
    MathCeil "math.ceil";
    MathFabs "math.fabs";
    MathExp "math.exp";
    MathLog "math.log";
    MathLog10 "math.log10";
    MathSin "math.sin";
    MathCos "math.cos";
    MathTan "math.tan";
    MathAtan "math.atan";
    MathAtan2 "math.atan2";
    MathPow "math.pow";
    MathFmod "math.fmod";
    MathHypot "math.hypot";
    MathIsnan "math.isnan";
    MathIsinf "math.isinf";
    /// `rpython.rlib.rstring`'s builders (intrinsic classes).
    StringBuilder "rpython.rlib.rstring.StringBuilder";
    UnicodeBuilder "rpython.rlib.rstring.UnicodeBuilder";
    // The support package's other intrinsics (`crate::rlib` builds the
    // intrinsic modules from these rows).
    RarithIntmask "rpython.rlib.rarithmetic.intmask";
    RarithRUint "rpython.rlib.rarithmetic.r_uint";
    RarithRInt "rpython.rlib.rarithmetic.r_int";
    RarithOvfcheck "rpython.rlib.rarithmetic.ovfcheck";
    RarithIsValidInt "rpython.rlib.rarithmetic.is_valid_int";
    RarithWiden "rpython.rlib.rarithmetic.widen";
    ObjWeAreTranslated "rpython.rlib.objectmodel.we_are_translated";
    /// The `specialize` object; its attributes are the rows below.
    ObjSpecialize "rpython.rlib.objectmodel.specialize";
    ObjSpecArgtype "rpython.rlib.objectmodel.specialize.argtype";
    ObjSpecArg "rpython.rlib.objectmodel.specialize.arg";
    ObjSpecMemo "rpython.rlib.objectmodel.specialize.memo";
    ObjSpecCallLocation "rpython.rlib.objectmodel.specialize.call_location";
    ObjAlwaysInline "rpython.rlib.objectmodel.always_inline";
    ObjDontInline "rpython.rlib.objectmodel.dont_inline";
    ObjNotRpython "rpython.rlib.objectmodel.not_rpython";
    ObjEnforceargs "rpython.rlib.objectmodel.enforceargs";
    ObjComputeHash "rpython.rlib.objectmodel.compute_hash";
    ObjComputeIdentityHash "rpython.rlib.objectmodel.compute_identity_hash";
    ObjComputeUniqueId "rpython.rlib.objectmodel.compute_unique_id";
    ObjKeepalive "rpython.rlib.objectmodel.keepalive_until_here";
    /// `r_dict(key_eq, key_hash)`: the dict engineer gives it its meaning
    /// (evaluator, annotator, rtyper); this row only names it.
    ObjRDict "rpython.rlib.objectmodel.r_dict";
    JitDriver "rpython.rlib.jit.JitDriver";
    /// A subclass of JitDriver (RPython's `class D(JitDriver): greens =
    /// [...]; reds = [...]`): an intrinsic object whose attributes are the
    /// class body's; calling it makes the driver.
    JitDriverClass "rpython.rlib.jit.JitDriver.<subclass>";
    /// `driver.jit_merge_point(**livevars)` (a method of a JitDriver).
    JitMergePoint "rpython.rlib.jit.JitDriver.jit_merge_point";
    JitCanEnterJit "rpython.rlib.jit.JitDriver.can_enter_jit";
    JitPromote "rpython.rlib.jit.promote";
    JitPromoteString "rpython.rlib.jit.promote_string";
    JitHint "rpython.rlib.jit.hint";
    JitWeAreJitted "rpython.rlib.jit.we_are_jitted";
    JitIsConstant "rpython.rlib.jit.isconstant";
    JitIsVirtual "rpython.rlib.jit.isvirtual";
    JitSetParam "rpython.rlib.jit.set_param";
    JitElidable "rpython.rlib.jit.elidable";
    JitDontLookInside "rpython.rlib.jit.dont_look_inside";
    JitLookInside "rpython.rlib.jit.look_inside";
    JitUnrollSafe "rpython.rlib.jit.unroll_safe";
    JitLoopInvariant "rpython.rlib.jit.loop_invariant";
    JitOopspec "rpython.rlib.jit.oopspec";
    /// `unrolling_iterable(seq)`: an intrinsic object holding the items (a
    /// tuple, attribute `items`); a `for` loop over it in a function is
    /// unrolled by the flow builder, one copy of the body per item.
    UnrollingIterable "rpython.rlib.unroll.unrolling_iterable";
    /// `open_file_as_stream(path, mode)`: importable so that programs that
    /// import it load (tinyframe.py); file streams are not supported yet,
    /// so a call is refused where it is evaluated or annotated.
    StreamioOpenFileAsStream "rpython.rlib.streamio.open_file_as_stream";
}

impl Builtin {
    /// The builtin types whose `isinstance` tests the toolchain decides
    /// from a value's kind (int, bool, float, str, bytes, list, dict, tuple).
    pub fn is_builtin_type(self) -> bool {
        use Builtin as B;
        matches!(
            self,
            B::IntFn
                | B::BoolFn
                | B::FloatFn
                | B::StrFn
                | B::BytesFn
                | B::ListFn
                | B::DictFn
                | B::TupleFn
        )
    }

    /// `module.attr` on a builtin module, folded at flow time.
    pub fn module_attr(self, attr: &str) -> Option<Builtin> {
        let prefix = match self {
            Builtin::OsModule => "os",
            Builtin::TimeModule => "time",
            Builtin::MathModule => "math",
            Builtin::ObjSpecialize => "rpython.rlib.objectmodel.specialize",
            _ => return None,
        };
        Builtin::from_name(&format!("{prefix}.{attr}"))
    }

    /// The builtin bound to a bare name in a module of the given dialect:
    /// Python 2 adds `xrange`, `long`, `unicode`, `unichr` and its own `str`.
    pub fn global_in(name: &str, py2: bool) -> Option<Builtin> {
        if py2 {
            match name {
                "xrange" => return Some(Builtin::Range),
                "long" => return Some(Builtin::IntFn),
                "unicode" => return Some(Builtin::StrFn),
                "unichr" => return Some(Builtin::Chr),
                "bytes" => return Some(Builtin::StrFn),
                _ => {}
            }
        }
        Builtin::global(name)
    }

    /// A hint for a py3 program that uses a builtin name of Python 2.
    pub fn py2_hint(name: &str, py2: bool) -> &'static str {
        match name {
            "xrange" | "long" | "unicode" | "unichr" if !py2 => {
                " (a Python 2 builtin: translate the program with --py2, or use its Python 3 spelling)"
            }
            _ => "",
        }
    }

    /// The builtin bound to a bare name in every module (`len`, `print`...).
    pub fn global(name: &str) -> Option<Builtin> {
        if name.contains('.') {
            return None;
        }
        match Builtin::from_name(name)? {
            Builtin::OsModule | Builtin::TimeModule | Builtin::MathModule | Builtin::SysModule => {
                None
            }
            b => Some(b),
        }
    }
}

#[derive(Clone, Debug)]
pub struct ModuleObj {
    pub name: String,
    pub file: rpy_syntax::FileId,
    /// Globals in definition order.
    pub globals: Vec<(String, Const)>,
}

impl ModuleObj {
    pub fn global(&self, name: &str) -> Option<&Const> {
        self.globals
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c)
    }

    pub fn set_global(&mut self, name: &str, value: Const) {
        match self.globals.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.globals.push((name.to_string(), value)),
        }
    }
}

#[derive(Clone, Debug)]
pub struct FunctionObj {
    pub name: String,
    /// `module.Class.name` style name, unique within a program.
    pub qualname: String,
    pub def: Rc<ast::FunctionDef>,
    /// The module whose globals the body sees.
    pub module: HostId,
    /// Values of the defaults, for the trailing parameters that have one.
    pub defaults: Vec<Const>,
}

#[derive(Clone, Debug)]
pub struct ClassObj {
    pub name: String,
    pub qualname: String,
    pub bases: Vec<HostId>,
    /// Class-body namespace in definition order.
    pub attrs: Vec<(String, Const)>,
    pub span: Span,
    /// One of the toolchain's builtin exception classes.
    pub builtin: bool,
}

#[derive(Clone, Debug)]
pub enum HostObj {
    Module(ModuleObj),
    /// A `def` not yet turned into a function (the operand of
    /// `make_function` in a module graph).
    Code(Rc<ast::FunctionDef>),
    /// A `class` statement not yet executed (the operand of `make_class`).
    ClassCode(Rc<ast::ClassDef>),
    Function(FunctionObj),
    Class(ClassObj),
    /// Prebuilt instance made during module initialisation.
    Instance {
        class: HostId,
        attrs: Vec<(String, Const)>,
    },
    List(Vec<Const>),
    Dict(Vec<(Const, Const)>),
    /// `receiver.name` where `name` is a method of the receiver's type
    /// (builtin type method, or a method found through a class).
    BoundMethod {
        receiver: Const,
        name: String,
    },
    /// `range(start, stop, step)` (step != 0).
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    /// An iterator over `seq` (list, tuple, str, bytes, range, dict keys),
    /// next at position `pos`.
    Iterator {
        seq: Const,
        pos: usize,
    },
    /// An object of an intrinsic class of the support package (a
    /// `JitDriver`, a `specialize.argtype(0)` decorator...), `kind` naming
    /// the class or the function that made it (see `crate::rlib`).
    Intrinsic {
        kind: Builtin,
        attrs: Vec<(String, Const)>,
    },
}

/// Everything known at translation time about the program: its sources
/// and its object space.
#[derive(Default, Debug, Clone)]
pub struct Program {
    pub sources: SourceMap,
    pub objs: PrimaryMap<HostId, HostObj>,
    /// Loaded modules by dotted name.
    pub modules: HashMap<String, HostId>,
    /// Builtin exception classes by name (`ValueError`, ...).
    pub builtin_classes: HashMap<String, HostId>,
    /// Hints that support-package decorators recorded on functions
    /// (`@specialize.argtype(0)`, `@elidable`, ...), in decoration order.
    pub fn_hints: HashMap<HostId, Vec<crate::rlib::FnHint>>,
    /// Functions `crate::mixin` copied into a class: copy -> the mixin
    /// class that defines the original.
    pub mixin_copies: HashMap<HostId, HostId>,
    /// The program is Python 2 source (`--py2`): builtin names and dict
    /// methods follow Python 2.7 (`xrange`, `long`, `iteritems`...).
    pub py2: bool,
    /// Dicts made by `globals()` at translation time -> their module: an
    /// item stored or deleted through one is the module global's
    /// (`globals()[name] = n` builds opcode tables in RPython programs).
    pub globals_views: HashMap<HostId, HostId>,
}

/// The builtin exception hierarchy: (name, base).
pub const BUILTIN_EXCEPTIONS: &[(&str, Option<&str>)] = &[
    ("BaseException", None),
    ("Exception", Some("BaseException")),
    ("ArithmeticError", Some("Exception")),
    ("ZeroDivisionError", Some("ArithmeticError")),
    ("OverflowError", Some("ArithmeticError")),
    ("LookupError", Some("Exception")),
    ("IndexError", Some("LookupError")),
    ("KeyError", Some("LookupError")),
    ("ValueError", Some("Exception")),
    ("TypeError", Some("Exception")),
    ("RuntimeError", Some("Exception")),
    ("RecursionError", Some("RuntimeError")),
    ("NotImplementedError", Some("RuntimeError")),
    ("StopIteration", Some("Exception")),
    ("AssertionError", Some("Exception")),
    ("MemoryError", Some("Exception")),
    ("AttributeError", Some("Exception")),
    ("OSError", Some("Exception")),
    ("UnicodeError", Some("ValueError")),
    ("UnicodeDecodeError", Some("UnicodeError")),
    ("UnicodeEncodeError", Some("UnicodeError")),
];

impl Program {
    pub fn new() -> Self {
        let mut p = Program::default();
        for &(name, base) in BUILTIN_EXCEPTIONS {
            let bases = base.map(|b| vec![p.builtin_classes[b]]).unwrap_or_default();
            let id = p.objs.push(HostObj::Class(ClassObj {
                name: name.to_string(),
                qualname: name.to_string(),
                bases,
                attrs: Vec::new(),
                span: Span::NONE,
                builtin: true,
            }));
            p.builtin_classes.insert(name.to_string(), id);
        }
        p
    }

    pub fn module(&self, id: HostId) -> &ModuleObj {
        match &self.objs[id] {
            HostObj::Module(m) => m,
            other => panic!("{id} is not a module: {other:?}"),
        }
    }

    pub fn function(&self, id: HostId) -> &FunctionObj {
        match &self.objs[id] {
            HostObj::Function(f) => f,
            other => panic!("{id} is not a function: {other:?}"),
        }
    }

    pub fn class(&self, id: HostId) -> &ClassObj {
        match &self.objs[id] {
            HostObj::Class(c) => c,
            other => panic!("{id} is not a class: {other:?}"),
        }
    }

    /// Is `sub` the class `sup` or derived from it?
    pub fn is_subclass(&self, sub: HostId, sup: HostId) -> bool {
        let mut stack = vec![sub];
        while let Some(c) = stack.pop() {
            if c == sup {
                return true;
            }
            if let HostObj::Class(cls) = &self.objs[c] {
                stack.extend(cls.bases.iter().copied());
            }
        }
        false
    }

    /// The builtin exception class of that name.
    pub fn exc_class(&self, name: &str) -> HostId {
        self.builtin_classes[name]
    }
}
