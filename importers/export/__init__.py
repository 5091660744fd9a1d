"""Workbooks for team leads and other departments (openpyxl; no Qt, no pandas)."""
