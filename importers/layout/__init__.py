"""Layouts of daily reports: where the visits are in a sheet (table rows or form blocks)."""
