"""rpython-rs support package.

Makes RPython programs run unchanged on CPython (3.x and 2.7): the modules
under rpython.rlib keep RPython's names. Under CPython they are plain Python
(hints do nothing); the translator recognises them by qualified name.
"""
