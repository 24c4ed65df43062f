"""The figure extractor: documents in, spec-shaped figure records out."""

from pipeline.extraction.figures import EXTRACTOR_VERSION, extract, figure_id

__all__ = ["EXTRACTOR_VERSION", "extract", "figure_id"]
