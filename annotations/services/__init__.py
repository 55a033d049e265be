"""Services: every change that touches several rows, under row locks, with the rules checked.

Every entry point (pages, admin, commands, the API) goes through these, so the rules hold
everywhere.
"""
