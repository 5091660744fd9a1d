"""Headless `genba` commands: none of them imports Qt or pandas."""
