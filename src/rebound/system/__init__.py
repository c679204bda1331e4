"""Where rebound touches the person's system, outside its own data folder.

The nudge's due index, read in an instant by every new terminal (`due_index`), the line in a
shell's start-up file (`shell_rc`), the daily reminder and its timer or crontab line
(`reminders`), the clipboard (`clipboard`), the person's editor and mail app (`programs`), and
the garbage collector tuned for a short-lived command (`gc_tuning`).
"""
