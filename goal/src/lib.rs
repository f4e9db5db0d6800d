//! The translation driver (to come).
