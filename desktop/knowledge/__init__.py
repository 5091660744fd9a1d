"""The knowledge base read for the rep: the full-text index, search and the pre-visit brief.

Headless (no Qt): the `genba search` / `genba brief` commands and the app both use it."""
