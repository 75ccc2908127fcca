"""Support: tickets, their conversations, new tickets, drafts, watching for replies."""
