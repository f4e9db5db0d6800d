//! Warm-up: the JIT's parameters (`RPY_JIT`, `set_param`) and one
//! counter per green key (RPython's warmstate and jitcounter).
//!
//! Green keys may hold GC references (the interpreter's code object):
//! they are roots, updated when objects move, and the key index is
//! rebuilt after a collection touched them.

use crate::context::Mode;
use rpy_jitformat::params::{param_index, param_names, PARAMS};
use rpy_jittrace::model::Const;
use std::collections::HashMap;

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

/// A green key's state.
#[derive(Debug)]
pub struct Cell {
    pub driver: u32,
    pub key: Vec<Const>,
    pub counter: i64,
}

#[derive(Default)]
pub struct WarmState {
    pub cells: Vec<Cell>,
    index: HashMap<(u32, Vec<u64>), usize>,
    /// A collection may have moved objects of keys: rebuild `index`.
    stale: bool,
}

fn words(key: &[Const]) -> Vec<u64> {
    key.iter().map(|c| crate::blackhole::word(*c)).collect()
}

impl WarmState {
    /// The cell of a green key, made on first sight.
    pub fn cell(&mut self, driver: u32, key: &[Const]) -> usize {
        if self.stale {
            self.index = self
                .cells
                .iter()
                .enumerate()
                .map(|(i, c)| ((c.driver, words(&c.key)), i))
                .collect();
            self.stale = false;
        }
        let k = (driver, words(key));
        if let Some(&i) = self.index.get(&k) {
            return i;
        }
        self.cells.push(Cell {
            driver,
            key: key.to_vec(),
            counter: 0,
        });
        self.index.insert(k, self.cells.len() - 1);
        self.cells.len() - 1
    }

    /// Count one `can_enter_jit` of a green key; true when it is hot.
    pub fn tick(&mut self, driver: u32, key: &[Const], params: &Params) -> bool {
        let i = self.cell(driver, key);
        let c = &mut self.cells[i];
        c.counter += 1;
        c.counter >= params.get("threshold")
    }

    pub fn for_each_root(&mut self, f: &mut dyn FnMut(*mut *mut u8)) {
        for c in &mut self.cells {
            for k in &mut c.key {
                if let Const::Ref(p) = k {
                    if *p != 0 {
                        f(p as *mut usize as *mut *mut u8);
                        self.stale = true;
                    }
                }
            }
        }
    }
}
