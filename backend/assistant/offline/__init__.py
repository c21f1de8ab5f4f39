"""The built-in offline assistant model: rules, no network, the same agent and tool path."""

from backend.assistant.offline.model import OfflineModel

__all__ = ["OfflineModel"]
