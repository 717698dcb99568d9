"""The public site's generated pages: one module per page kind (its builder and its view
dataclasses), what they share, and the Jinja2 templates that format views as Markdown."""
