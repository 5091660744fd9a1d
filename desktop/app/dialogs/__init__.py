"""Dialogs and wizards: activity editor, quick note, first run, workbook mapping."""
