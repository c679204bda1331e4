"""Where rebound touches the person's system, outside its own data folder.

The nudge's due index, read in an instant by every new terminal (`due_index`), the line in a
shell's start-up file (`shell_rc`), the daily reminder (`reminders`) and the daily run that
brings it (`daily`: a systemd timer in `units`, a LaunchAgent in `launchd`, a Task Scheduler task
in `schtasks`, a crontab line in `crontab`), the clipboard (`clipboard`), the person's editor
and mail app (`programs`), and the garbage collector tuned for a short-lived command
(`gc_tuning`). What they write into the person's own files is quoted for that file (`quoting`)
and changes only rebound's own line (`marked_line`).
"""
