"""Voice memos as draft minutes: transcription on the laptop, customers matched by reading, due
dates and amounts (see apply.py)."""
