"""The sentences of what touches the person's system, as a language pack gives them: the
nudge and the line it adds to a shell's start-up file, the reminder and the daily run that
brings it, and the refusal of a value those files cannot hold.

Data, not code, like `sentences.command_sentences` (which inherits these, so that neither module
passes 500 lines): one field per sentence, each a template with its English default, translated by
content/<lang>/coach.yaml's `ui:`. Say them through `rebound.sentences.speech`.
"""

from __future__ import annotations

from rebound.sentences.file_sentences import FileSentences


class SystemSentences(FileSentences):
    """The sentences of the nudge, the reminder, and the person's files they change."""

    # `rebound nudge`: one line for a new terminal, and the start-up file it is added to.
    nudge_today: str = "{{count}} things due today"
    nudge_today_one: str = "1 thing due today"
    nudge_overdue: str = "{{count}} things overdue"
    nudge_overdue_one: str = "1 thing overdue"
    nudge_also_overdue: str = "{{count}} overdue"
    nudge_also_overdue_one: str = "1 overdue"
    nudge_line: str = "{{value}}: rebound todo"
    nudge_added: str = "Added this line to {{where}}:"
    nudge_already: str = "The nudge is already in {{where}}; nothing was changed."
    nudge_removed: str = "Removed this line from {{where}}:"
    nudge_absent: str = "There is no nudge line in {{where}}; nothing was changed."
    nudge_next: str = (
        "Open a new terminal to see it. `rebound nudge --uninstall` takes it out again."
    )
    nudge_which_shell: str = (
        "rebound can add the nudge for bash, zsh, fish or PowerShell (powershell, pwsh), and "
        "'{{value}}' is none of them. Name one, e.g. `rebound nudge --install bash`. Nothing "
        "was changed."
    )
    nudge_shell_alone: str = (
        "'{{value}}' goes with --install or --uninstall, as in `rebound nudge --install "
        "{{value}}`. Nothing was changed."
    )
    nudge_both: str = "Choose one: --install or --uninstall. Nothing was changed."
    nudge_unwritable: str = "Could not change {{where}} ({{value}}). It was left as it was."
    nudge_read_only: str = (
        "{{where}} is read-only, so rebound left it as it was. To add the nudge, make it "
        "writable and run this again, or add this line to it yourself: {{value}}"
    )
    nudge_read_only_remove: str = (
        "{{where}} is read-only, so rebound left it as it was. To take the nudge out, make it "
        "writable and run this again, or delete the line that ends with {{value}} yourself."
    )
    nudge_link_loop: str = (
        "{{where}} is a symbolic link that leads back to itself, so there is no file to "
        "change. Nothing was changed; point the link at a real file and try again."
    )
    # `rebound remind`: a desktop notification (or a printed note) of what is due.
    remind_title: str = "rebound: {{count}} things due"
    remind_title_one: str = "rebound: 1 thing due"
    remind_today: str = "{{name}}: {{title}} (today)"
    remind_late: str = "{{name}}: {{title}} ({{count}} days overdue)"
    remind_late_one: str = "{{name}}: {{title}} (1 day overdue)"
    remind_more: str = "and {{count}} more"
    remind_hint: str = "`rebound todo` shows them all, with the commands that tick them off."
    remind_why_systemd: str = (
        "This computer runs systemd, so a systemd user timer will run it: a reminder missed "
        "while the computer sleeps comes when it wakes."
    )
    remind_why_launchd: str = (
        "On a Mac, launchd will run it (a LaunchAgent): a reminder missed while the Mac sleeps "
        "comes when it wakes."
    )
    remind_why_schtasks: str = (
        "On Windows, Task Scheduler will run it: a reminder missed while the computer is off "
        "comes as soon as it can."
    )
    remind_why_cron: str = (
        "There is no systemd or launchd here, so a crontab line will run it: a reminder missed "
        "while the computer sleeps waits for the next day."
    )
    remind_chosen: str = "You chose {{name}} with --via."
    remind_systemd: str = (
        "rebound will write these two files, then turn the timer on (`systemctl --user enable "
        "--now rebound-remind.timer`):"
    )
    remind_launchd: str = "rebound will write this file, then load it (`launchctl bootstrap`):"
    remind_schtasks: str = (
        "rebound will register this task with Task Scheduler (`schtasks /Create /XML`):"
    )
    remind_cron: str = (
        "rebound will add this line at the top of your crontab; every other line stays as it is:"
    )
    remind_confirm: str = "Set up the daily reminder?"
    remind_needs_yes: str = (
        "Setting up a daily reminder needs a yes: run it in a terminal, or add --yes. Nothing "
        "was changed."
    )
    remind_kept: str = "Nothing was changed."
    remind_installed: str = (
        "Done: every day at {{value}}, rebound tells you what is due. `rebound remind "
        "--uninstall` stops it."
    )
    remind_removed: str = "The daily reminder is off; removed: {{where}}."
    remind_absent: str = "No daily reminder was set up, so nothing was changed."
    remind_bad_time: str = (
        "'{{value}}' is not a time of day: give it as HH:MM, like 09:00. Nothing was changed."
    )
    remind_no_scheduler: str = (
        "This computer has no scheduler rebound knows (systemd, launchd, Task Scheduler or "
        "cron), so rebound can't run every day by itself. Nothing was changed; `rebound "
        "remind` still works whenever you run it."
    )
    remind_one_verb: str = "Choose one: --install, --uninstall or --status. Nothing was changed."
    remind_via_alone: str = (
        "--via {{value}} goes with --install, as in `rebound remind --install --via {{value}}`. "
        "Nothing was changed."
    )
    remind_via_unknown: str = (
        "'{{value}}' is not a scheduler rebound knows: choose systemd, launchd, schtasks or "
        "cron. Nothing was changed."
    )
    remind_via_missing: str = (
        "rebound can't use {{name}} here: its program was not found, or did not answer. "
        "Nothing was changed; `rebound remind --install` alone picks what this computer has."
    )
    remind_home_relative: str = (
        "--home needs the whole path of a data folder, and '{{value}}' is not one. Nothing was "
        "changed."
    )
    remind_status_off: str = "No daily reminder is set up. `rebound remind --install` sets one up."
    remind_status_on: str = "The daily reminder is set up with {{name}}: {{where}}."
    remind_status_never: str = "It hasn't run yet."
    remind_status_ran: str = "It last ran on {{date}} at {{value}} (started by {{name}})."
    remind_failed: str = (
        "The daily reminder could not be set up or removed ({{value}}). Your sessions are "
        "safe; try again, or set it up by hand from the lines above."
    )
    # A value the person's files cannot hold (a path in a start-up line, a unit, a crontab).
    unsafe_value: str = (
        "The path {{value}} can't be written safely into {{where}}: {{name}}. Nothing was "
        "changed. Use a folder whose path doesn't have that (REBOUND_HOME sets where your data "
        "lives), then try again."
    )
    unsafe_line_break: str = "it has a line break in it"
    unsafe_control: str = "it has a control character in it"
    unsafe_not_utf8: str = "it has bytes that aren't UTF-8 text"
    unsafe_percent: str = "it has a %, which Task Scheduler would read as a variable"
