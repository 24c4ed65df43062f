"""humstat's core: plain Python over plain data, testable without Dagster."""
