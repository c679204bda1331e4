"""The catalogue of every sentence the coach says (`Ui`, the pack's `ui:` section), in English.

Data, not code: one field per sentence, each a template (see `UI_NAMES`), with the English
default; content/<lang>/coach.yaml's `ui:` translates them. `Ui` inherits the commands' and
the errors' sentences (`rebound.sentences.command_sentences`,
`rebound.sentences.system_sentences`, `rebound.sentences.file_sentences`).
"""

from __future__ import annotations

from rebound.sentences.command_sentences import Sentences

UI_NAMES = frozenset(
    {"value", "number", "total", "title", "list", "count", "name", "where", "date", "id"}
)


class Ui(Sentences):
    """The coach's own words around the steps, so that a language pack translates them too.

    Each is a template: `{{number}}`, `{{title}}`... are filled in (see UI_NAMES). The
    sentences of the commands and the errors are in `rebound.sentences.command_sentences`.
    """

    back_hint: str = "Ctrl-B goes back one question."
    enter_for: str = "(Enter for {{value}})"
    step_header: str = "Step {{number}} of {{total}} · {{title}}"
    entry_header: str = "{{list}}: entry {{number}}"
    added_so_far: str = "{{count}} added so far."
    keep_date: str = "Keep {{value}}?"
    ready: str = "Ready for the next step? (Ctrl-B: back)"
    go_on: str = "Yes: step {{number}} of {{total}}, {{title}}"
    not_now: str = "Not now; I'll come back with `rebound continue`"
    resume_hint: str = "Saved. Pick up where you left off any time with `rebound continue`."
    welcome_back: str = "Welcome back. {{name}}: you're at {{where}}."
    at_opening: str = "the questions about the call"
    at_step: str = "step {{number}} of {{total}}, {{title}}"
    revisiting: str = (
        "Revisiting {{title}}. Your earlier answers are offered: press Enter to keep one."
    )
    first_question: str = "This is the first question; there is nothing before it."
    all_steps_done: str = "That's all five steps. Here is your checklist:"
    heard: str = "Heard on {{date}} from {{name}}"
    pending: str = "(pending)"
    due: str = "due {{date}}"
    opens_on: str = "from {{date}}"
    tip: str = "Tip:"
    next_label: str = "Next:"
    when_done: str = "When it's done:"
    next_opening: str = "Finish the questions about the call: `rebound continue`."
    next_step: str = "Go on with step {{number}} of {{total}}, {{title}}: `rebound continue`."
    nothing_left: str = (
        "Everything here is done. Keep adding to your accomplishments, and be kind to yourself."
    )
    stopped_unsaved: str = (
        "Stopped before the first answer, so nothing was saved. "
        "`rebound start` begins again whenever you're ready."
    )
    stopped_saved: str = (
        "Stopped. Everything you answered is saved; `rebound continue` picks up where you left "
        "off ({{id}})."
    )
    brag_holds: str = (
        "Your brag list already holds {{count}}: {{list}}. "
        "Add new ones here; they join the list (`rebound brag`)."
    )
    no_sessions: str = (
        "No sessions yet. When you're ready, `rebound start` walks you through five short steps."
    )
    nothing_to_continue: str = (
        "There's no session to continue yet. When you're ready: `rebound start`."
    )
    tick_prompt: str = "Tick off what you've done:"
    ticked: str = "Ticked {{count}}. Well done."
    heading_id: str = "Id"
    heading_session: str = "Company · role"
    heading_progress: str = "Steps"
    heading_next: str = "Next"
    list_more: str = (
        "Showing the {{count}} most recent of {{total}}; `rebound list --all` shows every one."
    )
    # `rebound todo`. A key ending in _one is said instead of its plain twin when the count is 1.
    todo_overdue: str = "Overdue"
    todo_today: str = "Today, {{date}}"
    todo_upcoming: str = "Upcoming"
    todo_upcoming_until: str = "Upcoming (to {{date}})"
    todo_anytime: str = "Anytime"
    todo_late: str = ", {{count}} days overdue"
    todo_late_one: str = ", 1 day overdue"
    todo_due_today: str = ", due today"
    todo_opens_today: str = ", from today"
    todo_due_in: str = ", in {{count}} days"
    todo_due_in_one: str = ", in 1 day"
    todo_all_done: str = (
        "Nothing left to do: every item of every session is ticked. That's real progress; "
        "take a moment to be proud of it."
    )
    todo_quiet_until: str = "Nothing is due until after {{date}}. Enjoy the breathing room."
    todo_later: str = "{{count}} more items due later: `rebound todo --all` shows everything."
    todo_later_one: str = "1 more item due later: `rebound todo --all` shows everything."
    # Lengths of time, as `rebound contacts` says them.
    days: str = "{{count}} days"
    days_one: str = "1 day"
    weeks: str = "{{count}} weeks"
    weeks_one: str = "1 week"
    ago: str = "{{value}} ago"
    ago_today: str = "today"
    # `rebound contacts`. {{value}} is a length of time ('3 weeks', '2 days ago').
    contacts_none: str = (
        "No contacts yet. Step 5, Get back out there, asks who you could reach out to: "
        "`rebound continue` picks up where you left off."
    )
    contacts_title: str = "People to reach out to"
    contacts_count: str = "{{count}} people"
    contacts_count_one: str = "1 person"
    contacts_quiet: str = ", {{count}} quiet for {{number}}+ weeks"
    contacts_from: str = "From:"
    contacts_earlier: str = "…and {{count}} earlier touches (`rebound contacts --all` lists them)."
    contacts_earlier_one: str = "…and 1 earlier touch (`rebound contacts --all` lists it)."
    contacts_never: str = "never contacted, added {{value}}"
    contacts_not_for: str = "not contacted for {{value}}"
    contacts_last: str = "last contacted {{value}}"
    contacts_hint: str = (
        "Reached someone? `rebound contacts log NAME --outcome replied` notes it and restarts "
        "their clock."
    )
    # `rebound stats`. {{value}} in stats_done_detail is the 'times' sign.
    stats_none: str = (
        "No sessions yet, so nothing to count. When the next no comes, `rebound start` helps "
        "you turn it into a plan."
    )
    stats_rejections: str = "Rejections over time"
    stats_progress: str = "Progress"
    stats_of: str = "{{count}} of {{total}}"
    stats_done: str = "Steps completed:"
    stats_done_detail: str = "({{count}} sessions {{value}} {{number}} steps)"
    stats_done_detail_one: str = "(1 session {{value}} {{number}} steps)"
    stats_kept: str = "Commitments kept:"
    stats_kept_unit: str = "fixes"
    stats_overdue: str = "({{count}} overdue)"
    stats_week: str = "This week:"
    stats_week_unit: str = "new conversations"
    stats_target_met: str = ". Target met!"
    stats_first_step: str = ". One message today is a fine start."
    stats_areas: str = "Areas to work on, most often"
    stats_more: str = "and {{count}} more"
    stats_totals: str = "Totals:"
    stats_sessions: str = "{{count}} sessions"
    stats_sessions_one: str = "1 session"
    stats_wins: str = "{{count}} accomplishments on your lists"
    stats_wins_one: str = "1 accomplishment on your lists"
    # `rebound export --all --format ics`: one calendar of every session.
    export_all_done: str = (
        "Exported {{count}} items of every session as iCalendar to {{where}}. Importing it "
        "again updates the same events."
    )
    calendar_set_aside: str = (
        "What earlier calendar exports sent could not be used ({{value}}). It was moved, as it "
        "was, to {{where}}; this export sends every event afresh, so a calendar that took an "
        "earlier one may show some events twice until you remove them."
    )
    reason_events_unusable: str = (
        "{{count}} things in it are not as rebound writes them (a SEQUENCE, a day or a stamp "
        "it cannot use)"
    )
    reason_events_unusable_one: str = (
        "1 thing in it is not as rebound writes it (a SEQUENCE, a day or a stamp it cannot use)"
    )
    export_all_none: str = (
        "No session has dated items yet, so there's nothing to put in a calendar. Dates come "
        "with the steps, and `rebound continue` goes on with them."
    )
    export_all_format: str = (
        "--all exports a calendar: use it with --format ics (or an -o file ending in .ics). "
        "Nothing was written."
    )
    export_all_id: str = (
        "--all exports every session, so it takes no session id. Nothing was written."
    )
    # `rebound contacts` on a cadence, and `rebound contacts log`. {{value}}: '4 weeks'.
    contacts_gone_quiet: str = ", {{count}} gone quiet"
    contacts_every: str = "every {{value}}"
    contacts_next: str = "; next touch by {{date}}"
    outcome_replied: str = "replied"
    outcome_met: str = "met"
    outcome_referred: str = "referred you on"
    outcome_no_answer: str = "no answer yet"
    outcome_none: str = "in touch"
    touch_ticked: str = "reached (ticked in {{name}})"
    contacts_due_label: str = "Keep in touch with {{name}} (every {{value}})"
    contacts_logged: str = "Noted: {{name}}, {{date}}, {{value}}."
    contacts_next_touch: str = "Next touch by {{date}} (every {{value}})."
    contacts_ticked: str = "Ticked off too: {{list}}."
    contacts_session_busy: str = (
        "Session {{id}} is open in another rebound, so its item for {{name}} is still open "
        "there; tick it with `rebound done` when that one is closed."
    )
    contacts_busy: str = (
        "Your contact log is being saved by another rebound right now. Try again in a moment; "
        "nothing was changed."
    )
    contacts_ambiguous: str = (
        "'{{name}}' fits {{count}} people: {{list}}. Type a little more of the name. Nothing was "
        "changed."
    )
    contacts_unknown: str = (
        "There is no contact called '{{name}}'. Did you mean: {{list}}? Nothing was changed."
    )
    contacts_unknown_none: str = (
        "There is no contact called '{{name}}' (`rebound contacts` lists them). People are added "
        "in step 5: `rebound continue --step re-engage`. Nothing was changed."
    )
    contacts_bad_outcome: str = (
        "'{{value}}' is not an outcome rebound knows; use one of {{list}}. Nothing was changed."
    )
    contacts_bad_date: str = (
        "'{{value}}' is not a date rebound understands; try 2026-11-30, 'yesterday', 'last "
        "friday' or '3 days ago'. Nothing was changed."
    )
    contacts_future: str = (
        "{{date}} is still to come; log a touch once it has happened. Nothing was changed."
    )
    # `rebound start`, for a company seen before.
    history_title: str = "{{name}}, again"
    history_intro: str = (
        "You've been here before, {{count}} times. What you learned then is yours to use now:"
    )
    history_intro_one: str = "You've been here before. What you learned then is yours to use now:"
    history_no_role: str = "(role not given)"
    history_reasons: str = "Reasons given:"
    history_no_reasons: str = "none shared"
    history_areas: str = "Areas to work on:"
    history_fixes: str = "Your fixes:"
    # `rebound feedback`, when the reasons arrive after the call.
    feedback_intro: str = (
        "Feedback for {{name}}. Your earlier answers are offered: press Enter to keep one."
    )
    feedback_done: str = "Feedback recorded for {{name}}. It counts in `rebound stats` from now on."
    feedback_ticked: str = "Ticked: {{list}}."
    feedback_before: str = "What you noted before: {{value}}"
    feedback_adds_hint: str = (
        "(Enter keeps it; what you type is added beside it, with today's date)"
    )
    feedback_added: str = "Added {{date}}: {{value}}"
    feedback_from_file: str = (
        "Recorded {{count}} feedback answers from {{where}} in session {{id}}."
    )
    feedback_file_incomplete: str = (
        "{{where}}: '{{name}}' is needed too, so nothing was saved. Add it to the file and try "
        "again."
    )
    feedback_unfinished: str = (
        "Session {{id}} isn't finished yet; `rebound continue -s {{id}}` asks its questions, "
        "feedback included. Nothing was changed."
    )
    feedback_none_finished: str = (
        "There's no finished session yet to add feedback to. `rebound continue` finishes the one "
        "you started; nothing was changed."
    )
    feedback_no_prompts: str = (
        "This coaching content names no questions for late feedback (`follow_up: feedback:` in "
        "coach.yaml), so there is nothing to ask. Nothing was changed."
    )
    # `rebound stats`: reasons and patterns. {{number}}: the sessions a pattern needs.
    stats_reasons: str = "Reasons they gave"
    stats_pattern: str = "A pattern: {{name}} came up in {{count}} of {{total}} sessions."
    stats_no_pattern: str = (
        "No area came up more than once in {{total}} sessions: no pattern to name."
    )
    stats_pattern_wait: str = (
        "A pattern is only named from {{number}} sessions with feedback: {{count}} more to go."
    )
    stats_pattern_wait_one: str = (
        "A pattern is only named from {{number}} sessions with feedback: 1 more to go."
    )
    # The prompts themselves: yes/no questions, lists, and what is said under a prompt when an
    # answer does not fit.
    answer_yes: str = "Yes"
    answer_no: str = "No"
    yes_no_hint_yes: str = "(Y/n)"
    yes_no_hint_no: str = "(y/N)"
    arrows_hint: str = "(Use arrow keys)"
    tick_hint: str = "(arrows to move, space to tick, Enter to confirm)"
    need_answer: str = "This one is needed to go on; a few words are enough."
    yes_or_no: str = "Please answer yes or no."
    pick_one: str = "Please pick at least one."
    not_a_choice: str = "'{{value}}' is not one of the choices."
    bad_email: str = "That doesn't look like an email address (name@example.com)."
    bad_date: str = (
        "Please give a date like 2026-12-01, 'tomorrow', 'friday', 'next friday', 'in 2 weeks' "
        "or '+3d'."
    )
    too_far: str = "That's more than {{count}} years away; please give a nearer date."
    whole_number: str = "Please give a whole number."
    at_least: str = "Please give a number of at least {{number}}."
    at_most: str = "Please give a number of at most {{number}}."
    # Drafts as things to act on: `rebound draft` and the walk's offer at the end of a step.
    # The labels of the header lines a draft may start with ('To: ...', 'Subject: ...').
    draft_to_label: str = "To"
    draft_subject_label: str = "Subject"
    drafts_none: str = (
        "No drafts yet in {{name}}: each step writes its own as you finish it. "
        "`rebound continue` picks up where you left off."
    )
    draft_to: str = "to {{name}}"
    draft_edited: str = "edited"
    drafts_hint: str = (
        "`rebound draft NAME` shows one; add --copy, --mail or --edit to send it on its way."
    )
    draft_unknown: str = (
        "There is no draft '{{value}}' in session {{id}}. Its drafts: {{list}}. "
        "Nothing was changed."
    )
    draft_name_needed: str = (
        "Name the draft to act on, e.g. `rebound draft {{value}} --copy`. "
        "This session's drafts: {{list}}. Nothing was changed."
    )
    draft_one_action: str = (
        "Give one of --copy, --mail, --eml, --edit or --reset at a time. Nothing was changed."
    )
    draft_copied: str = "{{title}}: copied to the clipboard (with {{value}})."
    draft_copied_terminal: str = (
        "{{title}}: sent to your terminal's clipboard (OSC 52). If nothing was copied, your "
        "terminal may not allow it: `rebound draft {{id}}` prints it, to copy by hand."
    )
    draft_tmux: str = (
        "Inside tmux, this needs `set -g set-clipboard on` (or `allow-passthrough on`) in "
        "~/.tmux.conf."
    )
    draft_fields: str = "For the email's own fields: {{value}}"
    draft_copy_failed: str = (
        "{{title}} could not be copied: there is no clipboard program here (such as xclip, xsel "
        "or wl-copy) and no terminal to send it to. Nothing was changed; `rebound draft {{id}}` "
        "prints it, to copy by hand or to pipe."
    )
    draft_mailed: str = (
        "{{title}}: opened in your mail app. Nothing is sent until you send it from there."
    )
    draft_mail_link: str = (
        "Nothing here could open a mail app. This link opens {{title}} in one "
        "(paste it into your browser's address bar):"
    )
    draft_edit_saved: str = (
        "{{title}}: your edit is kept, and every command shows it from now on. "
        "`rebound draft {{id}} --reset` goes back to the draft made from your answers."
    )
    draft_edit_same: str = "{{title}}: no changes, so it stays as it was."
    draft_editor_failed: str = (
        "Could not use your editor ({{value}}). Nothing was changed. Set VISUAL or EDITOR to an "
        "editor you have, e.g. `export EDITOR=nano`, and try again."
    )
    draft_edit_emptied: str = (
        "{{title}}: the file came back empty from your editor, so your draft is kept as it was. "
        "`rebound draft {{id}} --reset` goes back to the draft made from your answers."
    )
    draft_edit_kept_ended: str = (
        "Stopped. {{title}}: what you wrote in your editor is kept as your edit "
        "(`rebound draft {{id}}` shows it)."
    )
    draft_edit_kept_open: str = (
        "Stopped. {{title}}: what you had saved in your editor is kept as your edit. Your editor "
        "is still open on {{where}}: what you save there from now on stays in that file."
    )
    draft_edit_left: str = (
        "Stopped while your editor was open. {{title}}: what you wrote is kept in {{where}}, "
        "and your draft is as it was; copy it from there with `rebound draft --edit`."
    )
    draft_mail_empty: str = (
        "{{title}} has nothing in it to mail, so no mail app was opened. "
        "`rebound draft {{id}} --reset` brings back the draft made from your answers."
    )
    rehearse_ticked: str = "Ticked off in your sessions: {{list}}."
    draft_not_an_email: str = (
        "{{title}} is not an email, so there is no one to mail it to. `rebound draft {{id}} "
        "--copy` puts it on the clipboard, to paste where it goes. Nothing was changed."
    )
    draft_reset_confirm: str = (
        "{{title}}: drop your edit, for good, and go back to the draft made from your answers?"
    )
    draft_reset_needs_yes: str = (
        "Dropping your edit of {{title}} needs a yes: run it in a terminal, or add --yes. "
        "Nothing was changed."
    )
    draft_reset_kept: str = "{{title}}: your edit is kept."
    draft_reset: str = "{{title}}: back to the draft made from your answers."
    draft_reset_none: str = "{{title}}: there is no edit to drop; it is as made from your answers."
    draft_when_sent: str = "Once it's sent: `rebound done {{id}}`."
    draft_offer: str = "{{title}}: what would you like to do with it?"
    draft_offer_copy: str = "Copy it to the clipboard"
    draft_offer_mail: str = "Open it in your mail app"
    draft_offer_edit: str = "Edit it first"
    draft_offer_later: str = "Later (`rebound draft {{id}}` has it)"
    draft_tick: str = "Sent? Tick “{{value}}” off your list?"
    draft_tick_post: str = "Published? Tick “{{value}}” off your list?"
    draft_keep_edit: str = (
        "{{title}}: you had edited it, and your new answers change it. Keep your edit? "
        "(No: rebuild it from the new answers)"
    )
    # Dates that make no sense (`not_before`, `not_after`). {{date}} is the limit. Kept short:
    # the line under a prompt is one line, cut at the terminal's edge.
    date_not_after_today: str = "That day is still to come; give today ({{date}}) or earlier."
    date_not_before_today: str = "That day has passed; give today ({{date}}) or later."
    date_not_before: str = "That's before the news ({{date}}); give that day or later."
    date_not_after: str = "That's after the news ({{date}}); give that day or earlier."
