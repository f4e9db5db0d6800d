//! Backend optimisations on low-level graphs (to come).
