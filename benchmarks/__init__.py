"""Benchmarks that print figures, never tests: the generated corpus and the runners that time the
pipeline on it. They import the pipeline; the pipeline never imports them."""
