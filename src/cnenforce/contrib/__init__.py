"""Contributor tools: reading, checking, formatting and compiling the files in ``data/``.

The runtime library never imports this package; it turns contributor files into the bundle
the runtime loads (``data/`` -> :mod:`~cnenforce.contrib.tree` (read and check) ->
:mod:`~cnenforce.contrib.compiler` -> bundle). Its modules, each with one job:

- :mod:`~cnenforce.contrib.files`: reading one TOML file safely, with bounded work;
- :mod:`~cnenforce.contrib.locator`: the line of a TOML file that sets a field;
- :mod:`~cnenforce.contrib.provisions`: citation strings in data files;
- :mod:`~cnenforce.contrib.records`: record files and batch-notice rows into model objects;
- :mod:`~cnenforce.contrib.checks`: references, dates, texts in force, statutory ranges;
- :mod:`~cnenforce.contrib.tree`: a whole data directory;
- :mod:`~cnenforce.contrib.validate`: the validator behind ``cnenforce validate``;
- :mod:`~cnenforce.contrib.toml_writer` and :mod:`~cnenforce.contrib.canonical`: canonical
  TOML and ``cnenforce format``;
- :mod:`~cnenforce.contrib.compiler`: the bundle and dataset versions (``cnenforce compile``).
"""
