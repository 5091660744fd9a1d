"""The main views, one per navigation entry; each reads in the background and shows results."""
