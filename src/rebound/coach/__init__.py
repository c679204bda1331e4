"""The coach's logic: pure functions from a pack and sessions to what comes next. No I/O.

Where a session stands (`progress`: the next question, applying an answer, the checklist and what is
due), what a question offers for Enter (`enter_defaults`), filling a session from an answers file
(`answers_file`), the drafts as things to act on (`drafts`), and what spans sessions: earlier
sessions with a company (`earlier_sessions`), what is due and how the search goes (`insights`),
keeping in touch (`contacts`) and the brag list (`brag_list`).
"""
