"""The sentences of every command and error, as a language pack gives them.

Data, not code: one field per sentence, each a template filled in with the names of
`models.UI_NAMES`, with its English default; content/<lang>/coach.yaml's `ui:` translates them.
`models.Ui` is these and the walk's own sentences: this module holds the commands' and the
errors' so that neither passes 500 lines. Say them through `sentences.speech`; an error carries the
key of one (`errors.ReboundError("no_such_session", id=...)`). A key ending in `_one` is said
instead of its plain twin when the count is 1 (`words.say_count`).
"""

from __future__ import annotations

from rebound.sentences.system_sentences import SystemSentences


class Sentences(SystemSentences):
    """The commands' and the errors' sentences (`models.Ui` adds the walk's own)."""

    interrupted: str = "Stopped. Nothing that was already saved has changed."
    unexpected: str = (
        "Something went wrong that rebound did not expect ({{name}}). Everything you answered "
        "before this moment is saved. Run the same command with REBOUND_DEBUG=1 to see the "
        "details, and please report them."
    )
    picked_none: str = "none"
    needs_terminal: str = (
        "`rebound {{name}}` asks you questions, so it needs a terminal to type in, and standard "
        "input here is not one (it is piped, redirected or closed). Run it directly in a terminal"
        " window. Nothing was changed."
    )
    needed: str = "This one is needed; a few words are enough."
    rating_1: str = "Rough: it needs more practice"
    rating_2: str = "Shaky, but the story is there"
    rating_3: str = "Okay"
    rating_4: str = "Good: clear and in order"
    rating_5: str = "Smooth: I'd tell it like that in the room"
    rating_hint: str = "(1 to 5, then Enter)"
    rating_hint_pick: str = "(press 1 to 5, then Enter)"
    clock_done: str = "Enter when you're done"
    clock_left: str = "{{value}} left"
    brag_empty: str = (
        "Your brag list is empty for now. Add a win with `rebound brag add`, or list a few in the"
        " accomplishments step of a session (`rebound start`): they land here by themselves."
    )
    story_title: str = (
        "Your win, in a few words (e.g. 'cut the release time from a day to an hour')"
    )
    story_situation: str = "The situation: what was going on?"
    story_task: str = "Your task: what was yours to solve?"
    story_action: str = "What did you do?"
    story_result: str = "What was the result?"
    story_number: str = "A number that shows it (e.g. '40% faster')"
    story_tags: str = "Tags, separated by commas (e.g. leadership, data)"
    brag_added_wins: str = "Added {{count}} wins"
    brag_added_wins_one: str = "Added 1 win"
    brag_updated_wins: str = "Updated {{count}} wins"
    brag_updated_wins_one: str = "Updated 1 win"
    brag_added_updated: str = "Added {{count}} wins and updated {{number}}"
    brag_added_updated_one: str = "Added 1 win and updated {{number}}"
    brag_from_sessions: str = "{{value}} from your sessions."
    practice_none: str = "not practised yet"
    practice_times: str = "practised {{count}} times"
    practice_times_one: str = "practised once"
    practice_rated: str = "{{value}}, rated {{number}} of 5"
    practice_average: str = "{{value}}, average {{number}} of 5"
    practice_last: str = "{{value}}, last on {{date}}"
    brag_title: str = "Your brag list"
    brag_stories: str = ": {{count}} stories"
    brag_stories_one: str = ": 1 story"
    brag_tags: str = "tags: {{list}}"
    brag_tags_label: str = "tags: "
    brag_list_hint: str = "Tell them out loud: `rebound rehearse`. Add one: `rebound brag add`."
    brag_from_session: str = "from session {{id}}"
    brag_by_hand: str = "added by hand"
    brag_origin: str = "{{id}} · {{value}} · added {{date}}"
    brag_cue: str = "Cue: "
    brag_no_notes: str = (
        "  No notes for this one yet: situation, task, action, result. `rebound brag edit {{id}}`"
        " adds them."
    )
    keep_it_hint: str = "(Enter keeps it)"
    keep_or_clear_hint: str = "(Enter keeps it; Ctrl-U clears it)"
    skip_hint: str = "(Enter to skip)"
    keep_or_clear_tags_hint: str = "(Enter keeps them; Ctrl-U clears them)"
    brag_needs_title_option: str = (
        "Give the win itself with --title when the rest comes as options (or give no options, to "
        "be asked). Nothing was added."
    )
    brag_add_options: str = "Or give the story as options: --title '...' --number '...'."
    brag_needs_title: str = "A win needs a title, even a few words. Nothing was added."
    brag_same_title: str = (
        "'{{title}}' is on your brag list already ({{id}}). Say this one in other words, or add "
        "to that one with `rebound brag edit {{id}}`."
    )
    brag_same_title_added: str = (
        "'{{title}}' is on your brag list already ({{id}}). Say this one in other words, or add "
        "to that one with `rebound brag edit {{id}}`. Nothing was added."
    )
    brag_added_as: str = "Added to your brag list as "
    brag_tell_story: str = "The story behind it makes it easy to tell: `rebound brag edit {{id}}`."
    brag_edit_options: str = "Or give the changes as options, e.g. --result '...'."
    brag_saved: str = "Saved: "
    brag_unchanged: str = "Nothing to change; it's as it was."
    brag_remove_yes: str = "Or add --yes to remove it without being asked."
    brag_remove_confirm: str = "Remove '{{title}}' from your brag list?"
    brag_kept: str = "Kept it."
    brag_removed: str = "Removed: "
    rehearse_empty: str = (
        "There's nothing to rehearse yet: your brag list is empty. Add a win with `rebound brag "
        "add`, or list a few in the accomplishments step of a session (`rebound start`). Then "
        "come back: telling them out loud is what makes them stick."
    )
    rehearse_each: str = "about {{value}} each"
    rehearse_no_limit: str = "no time limit"
    rehearse_intro: str = (
        "Rehearsal: {{count}} stories, {{value}}. Tell each one out loud, as you would in the "
        "interview. Enter when you finish; Ctrl-C stops, and every rating you've given is kept."
    )
    rehearse_intro_one: str = (
        "Rehearsal: 1 story, {{value}}. Tell it out loud, as you would in the interview. Enter "
        "when you finish; Ctrl-C stops, and every rating you've given is kept."
    )
    rehearse_stopped: str = (
        "Stopped. The {{count}} stories you rated are saved; `rebound rehearse` starts again with"
        " the stories that need it most."
    )
    rehearse_stopped_one: str = (
        "Stopped. The 1 story you rated is saved; `rebound rehearse` starts again with the "
        "stories that need it most."
    )
    rehearse_stopped_none: str = (
        "Stopped. Nothing was rated, so nothing changed; `rebound rehearse` starts again with the"
        " stories that need it most."
    )
    rehearse_done: str = (
        "That's {{count}} stories told out loud. Each time, they come out a little calmer. Well "
        "done."
    )
    rehearse_done_one: str = (
        "That's 1 story told out loud. Each time, they come out a little calmer. Well done."
    )
    rehearse_story: str = "Story {{number}} of {{total}}"
    rehearse_times_up: str = "Time's up ({{value}})."
    rehearse_done_in: str = "Done in {{value}}."
    rehearse_how: str = "How did it go?"
    rehearse_gone: str = "That story was removed meanwhile, so this rating wasn't kept."
    rehearse_saved: str = "Saved: {{value}}."
    cannot_save_here: str = (
        "rebound cannot save in {{where}} because {{value}}, so it won't ask you anything yet: "
        "nothing was saved. Fix the folder's permissions (or free some space), or set "
        "REBOUND_HOME to a folder you can write to, then run it again."
    )
    no_such_session: str = "There is no session '{{id}}'."
    no_session_list: str = "There is no session '{{id}}'. `rebound list` shows them."
    empty_id: str = (
        "The session id is empty, so rebound did not pick one. Give an id, or the start of one "
        "(`rebound list` shows them). Nothing was changed."
    )
    id_fits_several: str = (
        "'{{id}}' fits {{count}} sessions ({{list}}...); type a little more of the id."
    )
    brag_broken: str = (
        "Your brag list could not be read ({{value}}). The file was kept, untouched, at "
        "{{where}}; nothing was changed."
    )
    brag_broken_fix: str = (
        "Your brag list could not be read ({{value}}). The file was kept, untouched, at "
        "{{where}}; nothing was changed. Fix it there, or start a new list."
    )
    session_busy: str = (
        "Session '{{id}}' is open in another rebound window. Finish or close that one first "
        "(nothing is lost either way), then try again."
    )
    moved_aside: str = (
        "The saved session '{{id}}' could not be read: {{value}}. The file was kept, untouched, "
        "at {{where}}; your other sessions are fine."
    )
    story_which: str = "Say which story: its number or id, as `rebound brag` lists them."
    story_no_number: str = (
        "There is no story number {{number}}: your brag list has {{count}} stories. `rebound "
        "brag` lists them."
    )
    story_no_number_one: str = (
        "There is no story number {{number}}: your brag list has 1 story. `rebound brag` lists "
        "them."
    )
    story_no_name: str = (
        "Nothing on your brag list is called '{{value}}'. `rebound brag` lists the stories with "
        "their numbers and ids."
    )
    story_fits_several: str = (
        "'{{value}}' fits {{count}} stories ({{list}}); type a little more of the id, or use the "
        "number."
    )
    cue_action_1: str = "Tell me about a time you {{value}}."
    cue_action_2: str = "Describe a time you {{value}}."
    cue_action_3: str = "Walk me through how you {{value}}."
    cue_action_4: str = "Give me an example: a time you {{value}}."
    cue_topic_1: str = 'Tell me the story behind "{{value}}".'
    cue_topic_2: str = 'Walk me through "{{value}}": what happened, and what was your part?'
    cue_topic_3: str = 'What did you do in "{{value}}", and what came of it?'
    note_situation: str = "Situation"
    note_task: str = "Task"
    note_action: str = "Action"
    note_result: str = "Result"
    note_number: str = "Number"
    pending_unmade: str = "Could not make {{where}} ({{value}})."
    brag_busy: str = (
        "Your brag list was held by another rebound for longer than a save takes. Try again in a "
        "moment; nothing was changed."
    )
    brag_busy_kept: str = (
        "Your brag list was held by another rebound for longer than a save takes, so your win "
        "isn't on it yet."
    )
    brag_unsaved: str = (
        "Your brag list is shown with what's new on it, but not saved; it is taken in again once "
        "the folder can be written."
    )
    pending_taken: str = "You typed a win that couldn't be saved then: "
    pending_taken_as: str = ". It's on your brag list now, as {{id}}."
    pending_copy: str = "Here is what you typed, to copy:"
    pending_shown: str = "It could not be kept on disk either: it is shown above."
    pending_kept: str = (
        "Everything you typed is kept, in {{where}}: the next `rebound brag` or `rebound brag "
        "add` puts it on your list."
    )
    brag_gone: str = (
        "'{{id}}' was removed from your brag list meanwhile (by another rebound). Nothing was "
        "changed."
    )
    brag_needs_title_edit: str = "A win needs a title, even a few words. Nothing was changed."
    no_language: str = "There is no '{{value}}' coaching content. Languages: {{list}}."
    content_ok: str = "{{where}}: OK ({{count}} steps, {{number}} prompts)."
    content_exists: str = "{{where}} already exists and is not empty; pick a new folder."
    content_inside: str = (
        "{{where}} is inside the content it would copy ({{value}}); pick a folder outside it."
    )
    content_copy_failed: str = (
        "Could not copy the content to {{where}} ({{value}}). Nothing was left behind there."
    )
    content_copied: str = (
        "Copied {{value}} to {{where}}. Edit the YAML, check it with `rebound content validate "
        "{{where}}`, and use it with `rebound --content {{where}} start` (or set "
        "REBOUND_CONTENT)."
    )
    like_same: str = (
        "Like {{where}}: the same steps, questions, choices, conditions, dates and drafts."
    )
    like_differ: str = (
        "{{count}} differences from {{where}}, one on each line above. A translation changes only "
        "what people read: keep the steps, ids, kinds, choices, conditions, dates and drafts of "
        "{{where}}."
    )
    like_differ_one: str = (
        "1 difference from {{where}}, on the line above. A translation changes only what people "
        "read: keep the steps, ids, kinds, choices, conditions, dates and drafts of {{where}}."
    )
    like_unknown: str = (
        "'{{value}}' is neither a language rebound ships ({{list}}) nor a folder. Give one of those"
        " languages, or the folder of the pack to compare with."
    )
    like_missing: str = "'{{id}}' is in {{where}} but not here."
    like_extra: str = "'{{id}}' is here but not in {{where}}."
    like_order: str = "in another order than in {{where}}, which has {{list}}."
    like_differs: str = "{{value}} here, but {{list}} in {{where}}."
    like_count: str = "{{count}} here, but {{number}} in {{where}}."
    like_inside: str = (
        "'{{value}}' is not inside the same sections as in {{where}} ({{list}} there)."
    )
    like_none: str = "none"
    data_exists: str = "{{where}} already exists; add --force to replace it. Nothing was written."
    data_wrote: str = "Wrote {{count}} files to {{where}}. Keep it somewhere private."
    data_wrote_one: str = "Wrote 1 file to {{where}}. Keep it somewhere private."
    wipe_nothing: str = "There is nothing to wipe: {{where}} does not exist."
    wipe_needs_yes: str = (
        "Wiping needs a yes: run it in a terminal, or add --yes. Nothing was deleted."
    )
    wipe_confirm: str = (
        "Delete all your sessions, your brag list and your contact log in {{where}}, for good? "
        "The lines rebound added to your shell go too."
    )
    wipe_kept: str = "Kept. Nothing was deleted."
    wiped: str = "Wiped {{where}}. rebound keeps nothing about you now."
    wiped_some: str = (
        "Wiped your sessions, brag list and contact log; rebound keeps nothing about you now. "
        "{{where}} stays,"
        " because it also holds things rebound did not make ({{list}}): those were left as they "
        "are."
    )
    wiped_more: str = "{{list}} and {{count}} more"
    wiped_shell: str = "Taken out of your shell too: {{list}}."
    answers_none_used: str = "{{where}}: no answers were used, so no session was made."
    answers_filled: str = "Filled {{count}} answers from {{where}} into session {{id}}."
    answers_filled_one: str = "Filled 1 answer from {{where}} into session {{id}}."
    answers_still_open: str = (
        "Some questions are still open; `rebound continue -s {{id}}` asks them."
    )
    no_such_step: str = "There is no step '{{value}}'. The steps are: {{list}}."
    done_no_sessions: str = (
        "There are no sessions yet, so nothing to tick. Begin with `rebound start`."
    )
    done_none_yet: str = "none yet"
    done_not_an_item: str = (
        "'{{value}}' is not an item of session {{id}}. Items: {{list}}. Nothing was changed."
    )
    done_ticked: str = "Ticked: {{title}}"
    done_unticked: str = "Unticked: {{title}}"
    delete_needs_yes: str = (
        "Deleting '{{id}}' needs a yes: run it in a terminal, or add --yes. Nothing was deleted."
    )
    delete_confirm: str = "Delete session {{id}} and everything in it, for good?"
    delete_kept: str = "Kept. Nothing was deleted."
    deleted: str = (
        "Deleted {{id}}. Accomplishments it added stay on your brag list (`rebound brag`)."
    )
    deleted_alone: str = "Deleted {{id}}."
    no_such_command: str = "There is no command '{{name}}'. Did you mean `{{value}}`?"
    no_such_command_list: str = "There is no command '{{name}}'; `{{value}} --help` lists them."
    export_no_sessions: str = (
        "There are no sessions yet, so there's nothing to export. When you're ready, `rebound "
        "start` walks you through five short steps."
    )
    export_exists: str = (
        "{{where}} already exists, so it was left as it is. Add --force to replace it, or choose "
        "another name."
    )
    export_no_folder: str = "The folder {{where}} does not exist. Nothing was written."
    export_not_allowed: str = (
        "rebound is not allowed to write in {{where}}. Choose another folder; nothing was written."
    )
    export_nothing_dated: str = (
        "Session {{id}} has no dated items yet, so there's nothing to put in a calendar. Dates "
        "come with the steps (fixes, your move-on day, events): `rebound continue` goes on with "
        "them."
    )
    exported: str = "Exported {{title}} ({{id}}) as {{value}} to {{where}}."
    answers_missing: str = "{{where}}: there is no such answers file."
    company_unknown: str = "(company not given yet)"
    role_unknown: str = "(role not given yet)"
    left_blank: str = "(left blank)"
    step_done: str = "{{title}}: done."
    answer_none: str = "(none)"
    clash_cleared: str = "nothing (it was cleared)"
    clash_tags: str = "tags"
    clash_field: str = "the {{name}}"
    clash_keep: str = (
        "While you were typing, another rebound changed {{title}} of this story to {{value}}. "
        "Keep yours, {{name}}?"
    )
    clip_macos: str = "the macOS pasteboard"
    clip_windows: str = "the Windows clipboard"
    clip_program: str = "a clipboard program"
    editor_exit: str = "{{value}}, exit {{number}}"
    editor_exit_kept: str = "{{value}}, exit {{number}}; what it saved is kept in {{where}}"
    editor_unreadable: str = (
        "{{name}}={{value}}: its quotes (or a backslash at its end) leave it unfinished, so it "
        "can't be read as a command"
    )
