"""Thin Dagster assets, checks and the Definitions over `pipeline/` and `schemas/`."""
