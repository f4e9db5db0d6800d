//! Hashes for dict keys that generated helpers do not compute inline:
//! floats (CPython's algorithm, so `hash(1.0) == hash(1)`), bytes (cached
//! in the object like str hashes). Identity hashes are the collector's
//! (`rpy_identity_hash`).
//!
//! Dict helpers use -1 as the mark of a deleted entry, so no hash here is
//! ever -1 (CPython's convention too).

use crate::obj::{bytes_data, cached_hash, set_cached_hash};

const MODULUS: u64 = (1 << 61) - 1;
const BITS: i32 = 61;

/// CPython's `hash(float)`: the value reduced modulo 2**61 - 1, so equal
/// numbers hash alike; infinities and NaN get fixed values.
pub fn float_hash(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    let mut r = h as i64;
    if x < 0.0 {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= m < 1` (x finite, positive or 0).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// FNV-1a over the bytes, never 0 (0 means "not cached") nor -1.
pub fn bytes_hash(data: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    match h as i64 {
        0 => 1,
        -1 => -2,
        v => v,
    }
}

#[no_mangle]
pub extern "C" fn rpy_float_hash(x: f64) -> i64 {
    float_hash(x)
}

/// `hash(b)` of a bytes object, cached in the object.
#[no_mangle]
pub extern "C" fn rpy_bytes_hash(b: *mut u8) -> i64 {
    // SAFETY: generated code passes a bytes object.
    unsafe {
        let h = cached_hash(b);
        if h != 0 {
            return h;
        }
        let h = bytes_hash(bytes_data(b));
        set_cached_hash(b, h);
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_hashes_match_cpython() {
        assert_eq!(float_hash(1.0), 1);
        assert_eq!(float_hash(-1.0), -2);
        assert_eq!(float_hash(0.0), 0);
        assert_eq!(float_hash(-0.0), 0);
        assert_eq!(float_hash(0.5), 1152921504606846976);
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(-2.5), -1152921504606846978);
        assert_eq!(float_hash(1e100), 1822893315824342674);
        assert_eq!(float_hash(3.14), 322818021289917443);
        assert_eq!(float_hash(f64::INFINITY), 314159);
    }

    #[test]
    fn bytes_hash_never_reserved() {
        assert_ne!(bytes_hash(b""), 0);
        assert_ne!(bytes_hash(b"abc"), -1);
    }
}
