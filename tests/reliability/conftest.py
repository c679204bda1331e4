"""Everything in this folder is marked `reliability` (see tests/conftest.py)."""
