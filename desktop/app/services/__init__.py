"""Long-running background services inside the app: the folder watcher and background sync.

Both run in their own threads; what they report reaches the UI only through Qt signals.
"""
