//! `ovfcheck(x << k)` (flow op `lshift_ovf`): a helper graph that raises
//! ValueError("negative shift count") for k < 0, and OverflowError when
//! shifting back does not give x (a count >= 64 shifts everything out,
//! so only x == 0 survives it).

use crate::fnbuild::{c_int, FnBuilder, OpSinkExt};
use crate::llop::LlOp as O;
use crate::rlist::I;
use crate::rtype::RTyper;

impl<'a, 'p> RTyper<'a, 'p> {
    pub fn helper_int_lshift_ovf(&mut self) -> u32 {
        self.add_helper("int_lshift_ovf".to_string(), |rt| {
            let (mut f, p) = FnBuilder::new("ll_int_lshift_ovf", &[I, I], I);
            let (x, k) = (p[0], p[1]);
            let neg = f.cmp(O::IntLt, f.get(k), c_int(0));
            let verr = rt.exc_type("ValueError");
            let vmsg = rt.str_const("negative shift count");
            f.if_(neg, |f| f.raise(verr, vmsg));
            let r = f.int(O::IntLShift, f.get(x), f.get(k));
            let r = f.local(I, r);
            let back = f.int(O::IntRShift, f.get(r), f.get(k));
            let lost = f.cmp(O::IntNe, back, f.get(x));
            let oerr = rt.exc_type("OverflowError");
            let omsg = rt.str_const("integer overflow");
            f.if_(lost, |f| f.raise(oerr, omsg));
            f.ret(f.get(r));
            f.finish()
        })
    }
}
