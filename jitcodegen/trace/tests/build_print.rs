//! The builder API (what the metainterp uses) produces the expected text.

use rpy_jitformat::{DescrRef, Descrs, FieldDescr, Kind, Width};
use rpy_jittrace::{print_trace, OpCode, ResumeId, TargetToken, TraceBuilder, Value};

#[test]
fn builder_records_a_loop() {
    let mut descrs = Descrs::default();
    descrs.fields.push(FieldDescr {
        name: "Node.x".into(),
        offset: 8,
        width: Width::WORD,
        kind: Kind::Int,
        immutable: false,
        virtualizable: None,
    });
    let mut b = TraceBuilder::new(&[Kind::Int, Kind::Ref]);
    let (i0, p1) = (b.inputarg(0), b.inputarg(1));
    b.label(&[i0, p1], TargetToken(0));
    let i2 = b.record(OpCode::IntAdd, &[i0, Value::int(1)], None);
    let i3 = b.record(OpCode::IntLt, &[i2, Value::int(100)], None);
    b.guard_values(OpCode::GuardTrue, &[i3], &[i2, p1], ResumeId(7));
    let i5 = b.record(OpCode::GetfieldGcI, &[p1], Some(DescrRef::Field(0)));
    let i6 = b.record(OpCode::IntAdd, &[i2, i5], None);
    let trace = b.jump(&[i6, p1], TargetToken(0));
    assert_eq!(
        print_trace(&trace, &descrs),
        "[i0, p1]
label(i0, p1, descr=<loop 0>)
i3 = int_add(i0, 1)
i4 = int_lt(i3, 100)
guard_true(i4, descr=<resume 7>) [i3, p1]
i6 = getfield_gc_i(p1, descr=<field Node.x +8 i8>)
i7 = int_add(i3, i6)
jump(i7, p1, descr=<loop 0>)
"
    );
}
