"""The desktop app: a thin Qt shell over the store and importers (`genba` with no command).

Widgets call small operations in ``desktop.app.data`` (plain Python, no Qt) through the task
manager in ``tasks``: work runs on a thread pool, results come back to the main thread.
"""
