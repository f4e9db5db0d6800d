//! What generated code and the runtime library must agree on. Depends on
//! nothing, so the runtime (and its collectors) stay free of toolchain
//! crates.
//!
//! Object layout: every GC object starts with a header word:
//! bits 0..32 the type id, bits 32..64 GC flags.
//!
//! Strings (`str`): `{ hdr, hash: i64, length: i64, chars: [u32; length] }`
//! (code points; hash 0 means "not computed yet").
//! Bytes: `{ hdr, hash: i64, length: i64, bytes: [u8; length] }`.
//! Lists: `{ hdr, length: i64, items: ptr to array }`, the item array
//! `{ hdr, capacity: i64, items: [T; capacity] }`.
//! Instances: `{ hdr, fields... }`; the class is the type id.

/// Size of the GC header word.
pub const HDR_SIZE: u32 = 8;
/// Mask of the type id in the header.
pub const TYPEID_MASK: u64 = 0xffff_ffff;

/// Type ids fixed by the ABI (the runtime allocates these itself).
pub const TYPEID_STR: u32 = 1;
pub const TYPEID_BYTES: u32 = 2;
/// Array of GC pointers (the argv list's items).
pub const TYPEID_PTR_ARRAY: u32 = 3;
/// List of str (the entry point's argv).
pub const TYPEID_STR_LIST: u32 = 4;
/// First type id the rtyper assigns freely.
pub const FIRST_FREE_TYPEID: u32 = 5;

/// Offsets inside str and bytes objects.
pub const STR_HASH_OFS: u32 = 8;
pub const STR_LEN_OFS: u32 = 16;
pub const STR_CHARS_OFS: u32 = 24;

/// Offsets inside lists and their item arrays.
pub const LIST_LEN_OFS: u32 = 8;
pub const LIST_ITEMS_OFS: u32 = 16;
pub const ARRAY_LEN_OFS: u32 = 8;
pub const ARRAY_ITEMS_OFS: u32 = 16;

/// Symbol of the translated entry point: `fn(argv: *mut List) -> i64`.
pub const ENTRY_SYMBOL: &str = "rpy_entry_point";
