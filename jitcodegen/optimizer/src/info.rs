//! What the optimiser knows about an output value (the per-op info slot,
//! kept beside the ops by var number): a constant it was guarded to be, its
//! type id, non-nullness, integer bounds, and whether it is an allocation
//! of this trace (and not yet escaped).

use rpy_jitformat::Kind;
use rpy_jittrace::Const;

/// Inclusive bounds of an int value.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct IntBound {
    pub lo: i64,
    pub hi: i64,
}

impl IntBound {
    pub const FULL: IntBound = IntBound {
        lo: i64::MIN,
        hi: i64::MAX,
    };
    pub const BOOL: IntBound = IntBound { lo: 0, hi: 1 };
    pub const NONNEG: IntBound = IntBound {
        lo: 0,
        hi: i64::MAX,
    };

    pub fn exact(v: i64) -> IntBound {
        IntBound { lo: v, hi: v }
    }
    pub fn constant(self) -> Option<i64> {
        (self.lo == self.hi).then_some(self.lo)
    }
    pub fn intersect(self, o: IntBound) -> IntBound {
        IntBound {
            lo: self.lo.max(o.lo),
            hi: self.hi.min(o.hi),
        }
    }
    pub fn is_empty(self) -> bool {
        self.lo > self.hi
    }
    pub fn contains(self, v: i64) -> bool {
        self.lo <= v && v <= self.hi
    }
    /// Bounds of a sum, or `None` if it may overflow.
    pub fn add(self, o: IntBound) -> Option<IntBound> {
        Some(IntBound {
            lo: self.lo.checked_add(o.lo)?,
            hi: self.hi.checked_add(o.hi)?,
        })
    }
    pub fn sub(self, o: IntBound) -> Option<IntBound> {
        Some(IntBound {
            lo: self.lo.checked_sub(o.hi)?,
            hi: self.hi.checked_sub(o.lo)?,
        })
    }
    pub fn mul(self, o: IntBound) -> Option<IntBound> {
        let c = [
            self.lo.checked_mul(o.lo)?,
            self.lo.checked_mul(o.hi)?,
            self.hi.checked_mul(o.lo)?,
            self.hi.checked_mul(o.hi)?,
        ];
        Some(IntBound {
            lo: *c.iter().min().unwrap(),
            hi: *c.iter().max().unwrap(),
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValueInfo {
    /// Guarded (or proven) to be this constant: uses are replaced by it.
    pub constant: Option<Const>,
    /// Known type id (the object is then non-null too).
    pub class: Option<u32>,
    pub nonnull: bool,
    pub bound: IntBound,
    /// Result of `new`/`new_array` in this trace: distinct from every
    /// value defined before it and from every constant.
    pub is_new: bool,
    /// Allocated here and not escaped yet: a field never written reads 0.
    pub fresh: bool,
}

impl Default for ValueInfo {
    fn default() -> ValueInfo {
        ValueInfo {
            constant: None,
            class: None,
            nonnull: false,
            bound: IntBound::FULL,
            is_new: false,
            fresh: false,
        }
    }
}

impl ValueInfo {
    /// What a constant tells.
    pub fn of_const(c: Const) -> ValueInfo {
        let mut i = ValueInfo {
            constant: Some(c),
            ..ValueInfo::default()
        };
        match c {
            Const::Int(v) => i.bound = IntBound::exact(v),
            Const::Ref(p) => i.nonnull = p != 0,
            Const::Float(_) => {}
        }
        i
    }

    /// A fresh info for a value of this kind from an op without facts.
    pub fn for_kind(_kind: Kind) -> ValueInfo {
        ValueInfo::default()
    }
}
