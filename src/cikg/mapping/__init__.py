"""Records -> quads. One module per part of the contract."""

from cikg.mapping.document import MappedDocument, document_to_quads

__all__ = ["MappedDocument", "document_to_quads"]
