"""Findings and edits → what people and tools read: text, JSON, SARIF, grades."""
