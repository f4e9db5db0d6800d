//! Warm-up: the JIT's parameters (`RPY_JIT`, `set_param`) and one
//! counter per green key (RPython's warmstate and jitcounter).
//!
//! Green keys may hold GC references (the interpreter's code object):
//! they are roots, updated when objects move, and the key index is
//! rebuilt after a collection moved one of them.
//!
//! `can_enter_jit` runs at every interpreted merge point of a driver
//! without its own `can_enter_jit`, so finding a key's cell allocates
//! nothing: the index maps a hash of the key's words to the first cell of
//! that hash, and cells of one hash are chained.

use crate::context::Mode;
use rpy_jitformat::params::{param_index, param_names, PARAMS};
use rpy_jittrace::model::Const;
use rustc_hash::FxHashMap;

#[derive(Clone, Debug)]
pub struct Params {
    pub values: Vec<i64>,
}

impl Params {
    /// `RPY_JIT=off`, `RPY_JIT=blackhole`, or `name=value,...`.
    pub fn from_env(env: Option<&str>) -> Result<(Mode, Params), String> {
        let mut p = Params {
            values: PARAMS.iter().map(|(_, d, _)| *d).collect(),
        };
        let mut mode = Mode::Normal;
        for item in env
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match item {
                "off" => mode = Mode::Off,
                "blackhole" => mode = Mode::Blackhole,
                _ => {
                    let (name, value) = item.split_once('=').ok_or_else(|| {
                        format!("RPY_JIT: expected off, blackhole or name=value, found `{item}`")
                    })?;
                    let i = param_index(name.trim()).ok_or_else(|| {
                        format!(
                            "RPY_JIT: unknown parameter `{name}` (known: {})",
                            param_names()
                        )
                    })?;
                    let v: i64 = value.trim().parse().map_err(|_| {
                        format!("RPY_JIT: `{name}` needs an integer, found `{value}`")
                    })?;
                    p.values[i] = v;
                }
            }
        }
        Ok((mode, p))
    }

    pub fn set(&mut self, i: usize, v: i64) {
        if let Some(slot) = self.values.get_mut(i) {
            *slot = v;
        }
    }

    pub fn get(&self, name: &str) -> i64 {
        param_index(name).map(|i| self.values[i]).unwrap_or(0)
    }
}

/// One green key's warm-up state.
#[derive(Debug)]
pub struct Cell {
    pub driver: u32,
    pub key: Vec<Const>,
    pub counter: i64,
    /// The next cell whose key has the same hash.
    next: Option<usize>,
}

#[derive(Default)]
pub struct WarmState {
    pub cells: Vec<Cell>,
    /// Key hash -> first cell of that hash.
    index: FxHashMap<u64, usize>,
    /// A collection moved a key's reference: rebuild `index`.
    stale: bool,
}

/// The hash of (driver, key): Fx-style mixing of the key's words.
fn key_hash(driver: u32, key: &[Const]) -> u64 {
    let mut h = (driver as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    for c in key {
        h = (h.rotate_left(5) ^ crate::blackhole::word(*c)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

fn same_key(a: &[Const], b: &[Const]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| crate::blackhole::word(*x) == crate::blackhole::word(*y))
}

impl WarmState {
    /// The cell of `driver`'s green `key`, made on first sight.
    pub fn cell(&mut self, driver: u32, key: &[Const]) -> usize {
        if self.stale {
            self.rebuild_index();
        }
        let h = key_hash(driver, key);
        let mut at = self.index.get(&h).copied();
        while let Some(i) = at {
            let c = &self.cells[i];
            if c.driver == driver && same_key(&c.key, key) {
                return i;
            }
            at = c.next;
        }
        let i = self.cells.len();
        let next = self.index.insert(h, i);
        self.cells.push(Cell {
            driver,
            key: key.to_vec(),
            counter: 0,
            next,
        });
        i
    }

    fn rebuild_index(&mut self) {
        self.index.clear();
        for i in 0..self.cells.len() {
            let h = key_hash(self.cells[i].driver, &self.cells[i].key);
            self.cells[i].next = self.index.insert(h, i);
        }
        self.stale = false;
    }

    /// Count one visit of `cell`; true when it is hot.
    pub fn tick(&mut self, cell: usize, params: &Params) -> bool {
        let c = &mut self.cells[cell];
        c.counter += 1;
        c.counter >= params.get("threshold")
    }

    /// The references in green keys are roots.
    pub fn for_each_root(&mut self, f: &mut dyn FnMut(*mut *mut u8)) {
        for c in &mut self.cells {
            for k in &mut c.key {
                if let Const::Ref(p) = k {
                    if *p != 0 {
                        let before = *p;
                        f(p as *mut usize as *mut *mut u8);
                        self.stale |= *p != before;
                    }
                }
            }
        }
    }
}
