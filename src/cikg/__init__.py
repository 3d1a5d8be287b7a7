"""cikg: a knowledge graph of China's internet and digital development.

The pipeline (``load -> extract -> link -> map -> store -> serve``) is
described in ``DESIGN.md``; :func:`cikg.pipeline.build` runs it.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
