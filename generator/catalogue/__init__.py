"""The whole catalogue: discovery and loading, immutable records, media checks and the
cross-file rules."""
