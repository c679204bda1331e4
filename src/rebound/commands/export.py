"""`rebound export`: a session as Markdown, JSON or iCalendar."""

from __future__ import annotations
