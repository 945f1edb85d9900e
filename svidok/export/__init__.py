"""Exports: one module per format, each a function writing records to a text stream."""
