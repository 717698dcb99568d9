"""One file at a time: strict YAML, reference data, personal-data rules, field types, the
pydantic records of the data format, their validation into findings, and the region
settings of ``mkdocs.yml``. Reference data files live in ``record/data/``."""
