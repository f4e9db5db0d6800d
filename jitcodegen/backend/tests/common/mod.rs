//! A test world shared by compiled code and the trace interpreter: a
//! nursery and exception cells of the test's own (addresses in a
//! `JitEnv`), a shadow stack, a slow-path allocator that can move every
//! object the roots reach (as `RPY_GC_STRESS` with the semispace
//! collector), and a `Runtime` for the interpreter over the same memory.
//!
//! The `extern "C"` functions compiled code calls find the world through a
//! thread-local pointer (each test runs on its own thread).

#![allow(dead_code)]

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use rpy_abi::gc::{GcKind, GCFLAG_TRACK_YOUNG};
use rpy_jitbackend::{const_to_word, Backend, ExitKind, JitEnv};
use rpy_jitformat::{ArrayDescr, CallDescr, Descrs, Kind, SizeDescr};
use rpy_jittrace::{
    check_trace, parse_trace, Const, Exc, Exit, LoopRegistry, Runtime, Trace, TraceId,
};

pub const NURSERY_WORDS: usize = 1 << 16;
pub const SHADOW_WORDS: usize = 1024;

pub struct World {
    pub exc_type: AtomicI64,
    pub exc_value: AtomicUsize,
    pub ss_top: AtomicUsize,
    pub free: AtomicUsize,
    pub top: AtomicUsize,
    shadow: Box<[AtomicUsize]>,
    nursery: *mut u64,
    /// Objects from the slow path and the interpreter: address -> bytes.
    pub sizes: HashMap<usize, usize>,
    blocks: Vec<Box<[u64]>>,
    /// The slow path moves every object reachable from the roots.
    pub moving: bool,
    pub malloc_calls: usize,
    pub moves: usize,
    /// Extra roots (constant pools): `len` words at `ptr`.
    pub pools: Vec<(usize, usize)>,
    /// `remember(obj)` and `remember_item(arr, i)` calls, in order.
    pub remembered: Vec<usize>,
    pub remembered_items: Vec<(usize, i64)>,
}

thread_local! {
    static WORLD: Cell<*mut World> = const { Cell::new(std::ptr::null_mut()) };
}

/// The world of this thread (tests create one with `World::install`).
pub fn world() -> &'static mut World {
    let p = WORLD.with(|w| w.get());
    assert!(!p.is_null(), "no world on this thread");
    // SAFETY: one world per thread, alive until `WorldBox` drops; tests
    // do not hold references across calls into compiled code.
    unsafe { &mut *p }
}

pub struct WorldBox(*mut World);

impl Drop for WorldBox {
    fn drop(&mut self) {
        WORLD.with(|w| w.set(std::ptr::null_mut()));
        // SAFETY: created by `Box::into_raw` in `World::install`.
        unsafe {
            let w = Box::from_raw(self.0);
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                w.nursery,
                NURSERY_WORDS,
            )));
        }
    }
}

impl World {
    /// A fresh world for this thread; `nursery` false makes every
    /// allocation take the slow path.
    pub fn install(nursery: bool) -> WorldBox {
        let shadow: Box<[AtomicUsize]> = (0..SHADOW_WORDS).map(|_| AtomicUsize::new(0)).collect();
        let nursery_mem = Box::into_raw(vec![0u64; NURSERY_WORDS].into_boxed_slice()) as *mut u64;
        let w = Box::new(World {
            exc_type: AtomicI64::new(0),
            exc_value: AtomicUsize::new(0),
            ss_top: AtomicUsize::new(shadow.as_ptr() as usize),
            free: AtomicUsize::new(if nursery { nursery_mem as usize } else { 0 }),
            top: AtomicUsize::new(if nursery {
                nursery_mem as usize + 8 * NURSERY_WORDS
            } else {
                0
            }),
            shadow,
            nursery: nursery_mem,
            sizes: HashMap::new(),
            blocks: Vec::new(),
            moving: false,
            malloc_calls: 0,
            moves: 0,
            pools: Vec::new(),
            remembered: Vec::new(),
            remembered_items: Vec::new(),
        });
        let p = Box::into_raw(w);
        WORLD.with(|w| w.set(p));
        WorldBox(p)
    }

    pub fn env(&self, gc: GcKind) -> JitEnv {
        JitEnv {
            exc_type: &self.exc_type as *const _ as usize,
            exc_value: &self.exc_value as *const _ as usize,
            shadowstack_top: &self.ss_top as *const _ as usize,
            nursery_free: &self.free as *const _ as usize,
            nursery_top: &self.top as *const _ as usize,
            malloc: test_malloc as *const () as usize,
            remember: test_remember as *const () as usize,
            remember_item: test_remember_item as *const () as usize,
            gc,
            prebuilt: Vec::new(),
        }
    }

    pub fn shadow_base(&self) -> usize {
        self.shadow.as_ptr() as usize
    }

    /// A zeroed object (never moved unless `moving`), header = type id.
    pub fn alloc(&mut self, type_id: u32, size: usize) -> usize {
        let mut b = vec![0u64; size.div_ceil(8).max(2)].into_boxed_slice();
        b[0] = type_id as u64;
        let p = b.as_mut_ptr() as usize;
        self.sizes.insert(p, b.len() * 8);
        self.blocks.push(b);
        p
    }

    pub fn word(&self, obj: usize, offset: usize) -> i64 {
        // SAFETY: tests pass objects of this world.
        unsafe { std::ptr::read_unaligned((obj + offset) as *const i64) }
    }

    pub fn set_word(&mut self, obj: usize, offset: usize, v: i64) {
        // SAFETY: as `word`.
        unsafe { std::ptr::write_unaligned((obj + offset) as *mut i64, v) }
    }

    /// Move every object a root (shadow stack, pools) points to, poison
    /// the old copy, and update the roots (one level: fields are not
    /// traced).
    fn collect(&mut self) {
        let mut moved: HashMap<usize, usize> = HashMap::new();
        let top = self.ss_top.load(Ordering::Relaxed);
        let mut slots: Vec<*mut usize> = Vec::new();
        let mut a = self.shadow_base();
        while a < top {
            slots.push(a as *mut usize);
            a += 8;
        }
        for &(p, n) in &self.pools {
            for k in 0..n {
                slots.push((p + 8 * k) as *mut usize);
            }
        }
        for s in slots {
            // SAFETY: root slots are words of the shadow stack or a pool.
            let old = unsafe { *s };
            let Some(&size) = self.sizes.get(&old) else {
                continue;
            };
            let new = *moved.entry(old).or_insert_with(|| {
                let mut b = vec![0u64; size / 8].into_boxed_slice();
                // SAFETY: `old` is an object of `size` bytes.
                unsafe {
                    std::ptr::copy_nonoverlapping(old as *const u64, b.as_mut_ptr(), size / 8);
                    std::ptr::write_bytes(old as *mut u8, 0xAB, size);
                }
                let p = b.as_mut_ptr() as usize;
                self.blocks.push(b);
                p
            });
            if new != old {
                self.sizes.remove(&old);
                self.sizes.insert(new, size);
                self.moves += 1;
            }
            // SAFETY: as above.
            unsafe { *s = new };
        }
    }
}

pub extern "C" fn test_malloc(type_id: i64, size: i64) -> usize {
    let w = world();
    w.malloc_calls += 1;
    if w.moving {
        w.collect();
    }
    w.alloc(type_id as u32, size as usize)
}

pub extern "C" fn test_remember(obj: usize) {
    let w = world();
    let h = w.word(obj, 0) as u64;
    w.set_word(obj, 0, (h & !GCFLAG_TRACK_YOUNG) as i64);
    w.remembered.push(obj);
}

pub extern "C" fn test_remember_item(arr: usize, index: i64) {
    let w = world();
    w.remembered_items.push((arr, index));
}

/// The trace interpreter's runtime over the world: never moves, barriers
/// test the header flag as compiled code does, calls go to the real
/// `extern "C"` functions.
pub struct WorldRt;

fn header(obj: usize) -> u64 {
    world().word(obj, 0) as u64
}

impl Runtime for WorldRt {
    fn alloc(&mut self, size: &SizeDescr) -> usize {
        world().alloc(size.type_id, size.size as usize)
    }

    fn alloc_array(&mut self, array: &ArrayDescr, length: i64) -> usize {
        let bytes = array.base_size as usize + length.max(0) as usize * array.item.size as usize;
        let w = world();
        let p = w.alloc(array.type_id, bytes);
        w.set_word(p, array.length_offset as usize, length);
        p
    }

    fn write_barrier(&mut self, obj: usize) {
        if header(obj) & GCFLAG_TRACK_YOUNG != 0 {
            test_remember(obj);
        }
    }

    fn write_barrier_item(&mut self, array: usize, index: i64) {
        if header(array) & GCFLAG_TRACK_YOUNG != 0 {
            test_remember_item(array, index);
        }
    }

    fn call(&mut self, func: i64, descr: &CallDescr, args: &[Const]) -> Option<Const> {
        call_native(func as usize, descr, args)
    }

    fn exception(&self) -> Option<Exc> {
        let w = world();
        match w.exc_type.load(Ordering::Relaxed) {
            0 => None,
            t => Some(Exc {
                type_id: t as u32,
                value: w.exc_value.load(Ordering::Relaxed),
            }),
        }
    }

    fn set_exception(&mut self, exc: Option<Exc>) {
        let w = world();
        let (t, v) = exc.map_or((0, 0), |e| (e.type_id as i64, e.value));
        w.exc_type.store(t, Ordering::Relaxed);
        w.exc_value.store(v, Ordering::Relaxed);
    }
}

/// Call a native function by a descriptor's signature (the shapes the
/// tests use: up to four word arguments, or floats).
pub fn call_native(f: usize, descr: &CallDescr, args: &[Const]) -> Option<Const> {
    let w: Vec<i64> = args.iter().map(|&c| const_to_word(c) as i64).collect();
    let all_words = descr.args.iter().all(|&k| k != Kind::Float);
    // SAFETY: tests pass functions of these signatures.
    unsafe {
        if all_words && descr.result != Kind::Float {
            let r: i64 = match w.len() {
                0 => std::mem::transmute::<usize, extern "C" fn() -> i64>(f)(),
                1 => std::mem::transmute::<usize, extern "C" fn(i64) -> i64>(f)(w[0]),
                2 => std::mem::transmute::<usize, extern "C" fn(i64, i64) -> i64>(f)(w[0], w[1]),
                3 => std::mem::transmute::<usize, extern "C" fn(i64, i64, i64) -> i64>(f)(
                    w[0], w[1], w[2],
                ),
                4 => std::mem::transmute::<usize, extern "C" fn(i64, i64, i64, i64) -> i64>(f)(
                    w[0], w[1], w[2], w[3],
                ),
                n => panic!("no call shape for {n} words"),
            };
            return match descr.result {
                Kind::Void => None,
                Kind::Ref => Some(Const::Ref(r as usize)),
                _ => Some(Const::Int(r)),
            };
        }
        match descr.signature().as_str() {
            "ff>f" => {
                let g = std::mem::transmute::<usize, extern "C" fn(f64, f64) -> f64>(f);
                Some(Const::Float(g(args[0].as_float()?, args[1].as_float()?)))
            }
            "if>f" => {
                let g = std::mem::transmute::<usize, extern "C" fn(i64, f64) -> f64>(f);
                Some(Const::Float(g(args[0].as_int()?, args[1].as_float()?)))
            }
            "f>i" => {
                let g = std::mem::transmute::<usize, extern "C" fn(f64) -> i64>(f);
                Some(Const::Int(g(args[0].as_float()?)))
            }
            s => panic!("no call shape for {s}"),
        }
    }
}

pub fn parse(text: &str, d: &mut Descrs) -> Trace {
    let t = parse_trace(text, d).unwrap_or_else(|e| panic!("{e}\n{text}"));
    if let Err(errs) = check_trace(&t, d) {
        panic!("{errs:?}\n{text}");
    }
    t
}

/// Run compiled code and describe the exit as the interpreter would.
pub fn run_compiled(be: &Backend, id: TraceId, args: &[Const]) -> Exit {
    let mut frame = vec![0u64; be.frame_slots().max(args.len())];
    for (s, &a) in frame.iter_mut().zip(args) {
        *s = const_to_word(a);
    }
    // SAFETY: tests pass valid inputs.
    let e = unsafe { be.execute(id, &mut frame) };
    let values = be.exit_values(e, &frame);
    match be.exit(e).kind.clone() {
        ExitKind::Finish { .. } => Exit::Finished(values.first().copied()),
        ExitKind::Guard { guard, resume } => Exit::GuardFailed {
            guard,
            resume,
            values,
        },
    }
}

/// Loops and bridges registered in the same order in the interpreter's
/// registry and in the backend, so trace ids (and guard refs) agree.
pub struct Pair {
    pub reg: LoopRegistry,
    pub be: Backend,
    pub descrs: Descrs,
}

impl Pair {
    pub fn new(gc: GcKind) -> Pair {
        let env = world().env(gc);
        Pair {
            reg: LoopRegistry::new(),
            be: Backend::new(env).unwrap(),
            descrs: Descrs::default(),
        }
    }

    pub fn add_loop(&mut self, text: &str) -> TraceId {
        let t = parse(text, &mut self.descrs);
        let a = self.reg.add(t.clone()).unwrap();
        let b = self
            .be
            .compile_loop(&t, &self.descrs)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(a, b);
        b
    }

    pub fn add_bridge(&mut self, guard: rpy_jittrace::GuardRef, text: &str) -> TraceId {
        let t = parse(text, &mut self.descrs);
        let a = self.reg.attach_bridge(guard, t.clone()).unwrap();
        let b = self
            .be
            .compile_bridge(guard, &t, &self.descrs)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(a, b);
        b
    }

    pub fn interp(&self, id: TraceId, args: &[Const]) -> Exit {
        rpy_jittrace::run(
            &self.reg,
            &self.descrs,
            &mut WorldRt,
            id,
            args,
            Some(10_000_000),
        )
        .unwrap_or_else(|e| panic!("interpreter: {e}"))
    }

    pub fn compiled(&self, id: TraceId, args: &[Const]) -> Exit {
        run_compiled(&self.be, id, args)
    }

    /// Run both ways and check they agree; returns the exit.
    pub fn check(&self, id: TraceId, args: &[Const]) -> Exit {
        let want = self.interp(id, args);
        let got = self.compiled(id, args);
        assert_eq!(got, want, "inputs {args:?}");
        got
    }
}

pub fn ints(v: &[i64]) -> Vec<Const> {
    v.iter().map(|&i| Const::Int(i)).collect()
}
