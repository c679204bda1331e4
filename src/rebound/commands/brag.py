"""The brag list across sessions: `rebound brag ...` and `rebound rehearse`."""

from __future__ import annotations
