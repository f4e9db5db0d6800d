//! A `Runtime` for tests: objects are zeroed word buffers kept alive by the
//! heap (never freed, never moved), calls go to plain Rust functions
//! registered by address, and every call is logged.

use std::collections::HashMap;

use rpy_jitformat::{ArrayDescr, CallDescr, SizeDescr};

use crate::interp::{Exc, Runtime};
use crate::model::Const;

pub type FakeFn = fn(&mut FakeHeap, &[Const]) -> Option<Const>;

#[derive(Default)]
pub struct FakeHeap {
    objects: Vec<Box<[u64]>>,
    functions: HashMap<i64, FakeFn>,
    pub exception: Option<Exc>,
    /// (function address, arguments) of every call, in order.
    pub calls: Vec<(i64, Vec<Const>)>,
    /// Objects given to `write_barrier`, in order.
    pub barriers: Vec<usize>,
}

impl FakeHeap {
    pub fn new() -> FakeHeap {
        FakeHeap::default()
    }

    /// A zeroed object of `size` bytes with this type id in its header.
    pub fn alloc_raw(&mut self, type_id: u32, size: usize) -> usize {
        let mut b = vec![0u64; size.div_ceil(8).max(1)].into_boxed_slice();
        b[0] = type_id as u64;
        let p = b.as_mut_ptr() as usize;
        self.objects.push(b);
        p
    }

    pub fn register(&mut self, address: i64, f: FakeFn) {
        self.functions.insert(address, f);
    }

    /// Read a word at `obj + offset` (for assertions).
    pub fn word(&self, obj: usize, offset: u32) -> i64 {
        // SAFETY: tests pass objects of this heap.
        unsafe { std::ptr::read_unaligned((obj + offset as usize) as *const i64) }
    }

    pub fn set_word(&mut self, obj: usize, offset: u32, v: i64) {
        // SAFETY: as `word`.
        unsafe { std::ptr::write_unaligned((obj + offset as usize) as *mut i64, v) }
    }
}

impl Runtime for FakeHeap {
    fn alloc(&mut self, size: &SizeDescr) -> usize {
        self.alloc_raw(size.type_id, size.size as usize)
    }

    fn alloc_array(&mut self, array: &ArrayDescr, length: i64) -> usize {
        let bytes = array.base_size as usize + length.max(0) as usize * array.item.size as usize;
        let p = self.alloc_raw(array.type_id, bytes.max(array.items_offset as usize));
        self.set_word(p, array.length_offset, length);
        p
    }

    fn write_barrier(&mut self, obj: usize) {
        self.barriers.push(obj);
    }

    fn call(&mut self, func: i64, _descr: &CallDescr, args: &[Const]) -> Option<Const> {
        self.calls.push((func, args.to_vec()));
        match self.functions.get(&func).copied() {
            Some(f) => f(self, args),
            None => panic!("fake heap: no function at {func}"),
        }
    }

    fn exception(&self) -> Option<Exc> {
        self.exception
    }

    fn set_exception(&mut self, exc: Option<Exc>) {
        self.exception = exc;
    }
}
