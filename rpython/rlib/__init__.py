"""Runtime library helpers, importable by CPython and known to the translator."""
