//! `t[i]` with a variable index on a tuple whose items share one
//! annotation (RPython's homogeneous-tuple getitem): a helper graph that
//! normalises a negative index, raises CPython's `IndexError: tuple index
//! out of range`, and otherwise returns field `f<i>` converted to the
//! common annotation the annotator chose.

use crate::emit::LlValue;
use crate::fnbuild::{c_int, FnBuilder, OpSinkExt};
use crate::llop::LlOp;
use crate::rlist::I;
use crate::rtype::RTyper;
use rpy_annotator::SomeValue as S;

impl<'a, 'p> RTyper<'a, 'p> {
    /// `ll_tuple_getitem_checked(t, i)` for tuples of annotation `ann`,
    /// returning items as annotation `item`.
    pub fn helper_tuple_getitem_checked(&mut self, ann: &S, item: &S) -> u32 {
        let key = format!(
            "tuple_getitem_checked_{}_{}",
            self.ann_key(ann),
            self.ann_key(item)
        );
        let (ann, item) = (ann.clone(), item.clone());
        self.add_helper(key, |rt| {
            let S::Tuple(items) = &ann else {
                unreachable!()
            };
            let n = items.len() as i64;
            let it_lt = rt.lowtype(&item);
            let t = rt.lowtype(&ann);
            let (mut f, p) = FnBuilder::new("ll_tuple_getitem_checked", &[t, I], it_lt);
            rt.index_check(
                &mut f,
                p[0],
                p[1],
                |_, _| c_int(n),
                "tuple index out of range",
            );
            for (k, ia) in items.iter().enumerate().take(items.len() - 1) {
                let is_k = f.cmp(LlOp::IntEq, f.get(p[1]), c_int(k as i64));
                let (ia, item) = (ia.clone(), item.clone());
                f.if_(is_k, |f| {
                    let lt = rt.lowtype(&ia);
                    let v = f.getfield(f.get(p[0]), &format!("f{k}"), lt);
                    let v = rt.convert_sink(f, v, &ia, &item);
                    f.ret(v);
                });
            }
            // The index check leaves 0 <= i < n: the last item needs no test.
            let last = n - 1;
            let lt = rt.lowtype(&items[last as usize]);
            let v = f.getfield(f.get(p[0]), &format!("f{last}"), lt);
            let v: LlValue = rt.convert_sink(&mut f, v, &items[last as usize], &item);
            f.ret(v);
            f.finish()
        })
    }
}
