"""A pytest plugin, loaded before every other (``-p tests.bytecode_cache`` in pyproject.toml).

It keeps compiled modules between runs even where ``PYTHONDONTWRITEBYTECODE`` is set (as on the
reference machine): pytest rewrites the assertions of every test module and of every module of
the distributions its plugins come from (the whole of Hypothesis, about 70 modules), and without
a bytecode cache it does so again in each worker of each run, about 1.5 s of a 25 s suite. It
must run before the plugins are imported, which a conftest does not. The caches live in
``__pycache__`` folders, which git ignores.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = False
