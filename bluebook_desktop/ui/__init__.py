"""The window: pages, table models and dialogs; imports db.repository and export."""
