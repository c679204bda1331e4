"""The data folder: what is saved, and how, so that nothing a person typed is ever lost.

The saved records (`records`: sessions, the brag list, the contact log), saving atomically and
trusting files (`files`, `trust`), the sessions folder with its locks and broken files set aside
(`store`), older files brought up to date (`migrations`), wins waiting for a busy brag list
(`pending`), which session a person means (`which_session`) and the names of every file and
folder (`paths`).
"""
