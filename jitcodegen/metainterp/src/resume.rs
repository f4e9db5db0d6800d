//! Resume data: how to rebuild the interpreter's frames when a guard
//! fails (RPython's resume.py). One `ResumeData` per guard the tracer
//! records: the chain of jitcode frames, outermost first, each with its
//! position and where each of its live registers comes from: a fail
//! argument of the guard (by index) or a constant.
//!
//! Room for allocation removal: `Source` will gain a variant naming a
//! virtual object to allocate and fill (its fields themselves `Source`s),
//! and `pending` holds field writes delayed by the optimiser.

use crate::blackhole::Frame;
use crate::program::Program;
use rpy_jitformat::jitcode::KReg;
use rpy_jittrace::model::Const;

#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    FailArg(u32),
    Const(Const),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameSnapshot {
    pub jitcode: u32,
    /// The instruction to resume at.
    pub pc: u32,
    /// Where the frame's result goes in its caller.
    pub ret: Option<KReg>,
    pub regs: Vec<(KReg, Source)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResumeData {
    pub frames: Vec<FrameSnapshot>,
    /// The guard checks that no exception is pending: when it fails, the
    /// innermost frame resumes by handling the exception.
    pub exception_pending: bool,
    /// Field writes the optimiser delayed (allocation removal; unused yet).
    pub pending: Vec<()>,
}

impl ResumeData {
    /// The interpreter frames of this resume point, with the guard's
    /// fail argument values.
    pub fn rebuild(&self, prog: &Program, values: &[Const]) -> Vec<Frame> {
        self.frames
            .iter()
            .map(|s| {
                let mut f = Frame::new(prog, s.jitcode);
                f.pc = s.pc as usize;
                f.ret = s.ret;
                for (k, src) in &s.regs {
                    let v = match src {
                        Source::FailArg(i) => values[*i as usize],
                        Source::Const(c) => *c,
                    };
                    f.set(*k, v);
                }
                f
            })
            .collect()
    }

    /// Ref constants are GC roots.
    pub fn for_each_root(&mut self, f: &mut dyn FnMut(*mut *mut u8)) {
        for s in &mut self.frames {
            for (_, src) in &mut s.regs {
                if let Source::Const(Const::Ref(p)) = src {
                    if *p != 0 {
                        f(p as *mut usize as *mut *mut u8);
                    }
                }
            }
        }
    }
}
