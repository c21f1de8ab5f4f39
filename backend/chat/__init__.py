"""The chat backend: ChatKit's durable store, its tables and the ChatKit server."""
