//! Recording a trace op by op: what the metainterp (and the optimiser,
//! which emits a new trace) use. The builder does not check; `check_trace`
//! does, after the trace is closed.

use rpy_jitformat::{DescrRef, Kind};

use crate::model::{FailArg, GuardData, Op, OpDescr, ResumeId, TargetToken, Trace, Value, Var};
use crate::resop::OpCode;

pub struct TraceBuilder {
    trace: Trace,
}

impl TraceBuilder {
    /// A trace with these input arguments (a bridge: the kinds of its
    /// guard's fail args; a loop: its label's).
    pub fn new(inputargs: &[Kind]) -> TraceBuilder {
        TraceBuilder {
            trace: Trace {
                inputargs: inputargs.to_vec(),
                ops: Vec::new(),
            },
        }
    }

    pub fn inputarg(&self, i: usize) -> Value {
        Value::Var(self.trace.inputarg(i))
    }

    pub fn inputargs(&self) -> Vec<Value> {
        (0..self.trace.inputargs.len())
            .map(|i| self.inputarg(i))
            .collect()
    }

    /// The trace so far (kinds of values, ops recorded).
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The trace so far, to update its constants in place (a moving
    /// collector moved an object a ref constant names).
    pub fn trace_mut(&mut self) -> &mut Trace {
        &mut self.trace
    }

    pub fn kind_of(&self, v: Value) -> Kind {
        self.trace.kind_of(v)
    }

    /// Index the next op will have.
    pub fn len(&self) -> usize {
        self.trace.ops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.trace.ops.is_empty()
    }

    /// Append an op as is; returns its result (a `Var` even for void ops,
    /// which nothing may use).
    pub fn push(&mut self, op: Op) -> Value {
        let var = self.trace.op_var(self.trace.ops.len());
        self.trace.ops.push(op);
        Value::Var(var)
    }

    /// Record a non-guard op.
    pub fn record(&mut self, opcode: OpCode, args: &[Value], descr: Option<DescrRef>) -> Value {
        let descr = descr.map_or(OpDescr::None, OpDescr::Descr);
        self.push(Op::new(opcode, args.to_vec(), descr))
    }

    /// Record a guard with the values resume needs if it fails.
    pub fn guard(
        &mut self,
        opcode: OpCode,
        args: &[Value],
        fail_args: Vec<FailArg>,
        resume: ResumeId,
    ) -> Value {
        let mut op = Op::new(opcode, args.to_vec(), OpDescr::None);
        op.guard = Some(Box::new(GuardData { fail_args, resume }));
        self.push(op)
    }

    /// Shorthand: fail args that are all plain values.
    pub fn guard_values(
        &mut self,
        opcode: OpCode,
        args: &[Value],
        fail_args: &[Value],
        resume: ResumeId,
    ) -> Value {
        self.guard(
            opcode,
            args,
            fail_args.iter().map(|&v| FailArg::Value(v)).collect(),
            resume,
        )
    }

    pub fn label(&mut self, args: &[Value], token: TargetToken) {
        self.push(Op::new(
            OpCode::Label,
            args.to_vec(),
            OpDescr::Target(token),
        ));
    }

    pub fn debug_merge_point(&mut self, text: &str) {
        self.push(Op::new(
            OpCode::DebugMergePoint,
            Vec::new(),
            OpDescr::Text(text.into()),
        ));
    }

    /// Close with a jump to a label (here or in another loop).
    pub fn jump(mut self, args: &[Value], token: TargetToken) -> Trace {
        self.push(Op::new(OpCode::Jump, args.to_vec(), OpDescr::Target(token)));
        self.trace
    }

    /// Close by leaving with zero or one value.
    pub fn finish(mut self, value: Option<Value>) -> Trace {
        self.push(Op::new(
            OpCode::Finish,
            value.into_iter().collect(),
            OpDescr::None,
        ));
        self.trace
    }

    /// The trace as recorded (when the last op was pushed by `push`).
    pub fn into_trace(self) -> Trace {
        self.trace
    }

    /// A var of this trace by its number (for the parser and tests).
    pub fn var(&self, n: u32) -> Var {
        Var::from_u32(n)
    }
}
