"""Leaves: finding codes, public URIs, vocabularies, numbers, diagnostics, history, escaping
and value formats. Imports nothing else of the generator."""
