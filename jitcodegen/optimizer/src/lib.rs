//! The trace optimiser: one pass per file, run as one chain over the trace
//! (`optimizer.rs`), then loop peeling (`unroll.rs`). In chain order:
//! `fold` (constants), `bounds` (integer ranges), `guards` (known values and
//! classes), `heap` (field and item caching), `cse` (repeated pure ops and
//! elidable calls). The optimiser never reads the GC heap: it may run on
//! another thread.

pub mod bounds;
pub mod cse;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod info;
pub mod optimizer;
pub mod unroll;

use rpy_jitformat::Descrs;
use rpy_jittrace::{check_trace, TargetToken, Trace};

/// The trace can never run to its end: a guard always fails (RPython's
/// InvalidLoop). The caller discards the trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidLoop {
    /// Index of the input op that showed it.
    pub op: usize,
    pub reason: String,
}

/// Which passes run (a small bit set).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Passes(u8);

impl Passes {
    pub const FOLD: Passes = Passes(1);
    pub const BOUNDS: Passes = Passes(2);
    pub const GUARDS: Passes = Passes(4);
    pub const HEAP: Passes = Passes(8);
    pub const CSE: Passes = Passes(16);
    pub const UNROLL: Passes = Passes(32);
    pub const ALL: Passes = Passes(63);
    pub const NONE: Passes = Passes(0);

    pub fn has(self, p: Passes) -> bool {
        self.0 & p.0 == p.0
    }
    pub fn with(self, p: Passes) -> Passes {
        Passes(self.0 | p.0)
    }
    pub fn without(self, p: Passes) -> Passes {
        Passes(self.0 & !p.0)
    }
    /// `fold,guards,heap` or `all`.
    pub fn parse(s: &str) -> Option<Passes> {
        let mut p = Passes::NONE;
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            p = p.with(match name {
                "fold" => Passes::FOLD,
                "bounds" => Passes::BOUNDS,
                "guards" => Passes::GUARDS,
                "heap" => Passes::HEAP,
                "cse" => Passes::CSE,
                "unroll" => Passes::UNROLL,
                "all" => Passes::ALL,
                _ => return None,
            });
        }
        Some(p)
    }
}

/// Optimise a trace. A loop (label first, jump to that label last) is
/// peeled when `UNROLL` is on: the result jumps to a new label with token
/// `new_token`; the original token then names the preamble.
/// The result passes `check_trace` (checked in debug builds).
pub fn optimize(
    trace: &Trace,
    descrs: &Descrs,
    passes: Passes,
    new_token: TargetToken,
) -> Result<Trace, InvalidLoop> {
    let out = if passes.has(Passes::UNROLL) {
        unroll::optimize_loop(trace, descrs, passes, new_token)?
    } else {
        optimizer::run_passes(trace, descrs, passes)?
    };
    if cfg!(debug_assertions) {
        if let Err(e) = check_trace(&out, descrs) {
            panic!(
                "optimiser produced a malformed trace: {e:?}\n{}",
                rpy_jittrace::print_trace(&out, descrs)
            );
        }
    }
    Ok(out)
}
