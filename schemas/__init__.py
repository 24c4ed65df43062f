"""Record fields, pandera models and the DuckDB DDL derived from them."""
