"""Workbook files in memory -> sheets of cell values (no layout knowledge here)."""
