"""SEPEDA BARU catalogue generator: innovation YAML files in, a public MkDocs site out.

Stages, one module each: ``yamlfile`` (strict reading with positions) → ``validate``
(schema, :mod:`generator.record.models`) → ``catalogue`` (discovery, cross-file ``checks``) →
``scoring`` (IID scores) → ``pages`` (page plan) → ``render`` (Jinja2 Markdown) → ``plugin``
(MkDocs adapter) / ``export`` (open data) / ``cli`` (the ``sepeda`` command).
"""

__version__ = "0.1.0"
