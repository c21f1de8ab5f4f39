"""The request context, as the chat layer's modules import it (defined in ``backend.context``,
so the assistant can read it without importing chat)."""

from backend.context import ChatContext

__all__ = ["ChatContext"]
