"""Across sessions: `rebound todo`, `rebound contacts`, `rebound stats`."""

from __future__ import annotations
