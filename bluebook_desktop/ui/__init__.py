"""The window: pages, table models and dialogs. Imports db.repository and export, never the reverse."""
