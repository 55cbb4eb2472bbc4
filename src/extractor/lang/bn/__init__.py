"""Bengali language data: tables only (see resources.py for the format)."""
