"""The assistant: agent factory, model selection, the offline model, the MCP task tools."""
