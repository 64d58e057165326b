"""The generators of the docs site (see ``docs/hooks/cnenforce_site.py``)."""
