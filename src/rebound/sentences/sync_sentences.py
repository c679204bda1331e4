"""The sentences about where the data folder is and the computers that share it: moving it,
this computer's own folders, and the conflict copies a sync tool makes, merged.

Data, not code, like `sentences.file_sentences` (which inherits these): one field per sentence,
each a template with its English default, translated by content/<lang>/coach.yaml's `ui:`. Say
them through `rebound.sentences.speech`.
"""

from __future__ import annotations

from rebound.sentences.mail_sentences import MailSentences


class SyncSentences(MailSentences):
    """The sentences of the data folder's place, moving it, and merging sync conflicts."""

    remembered_unreadable: str = (
        "rebound keeps the place of your data folder in {{where}}, but cannot read that file "
        "({{value}}), so it can't tell where your data is. Nothing was changed. Run `rebound "
        "data move DIR` with the folder your data is in, or delete that file to use the default "
        "folder."
    )
    remembered_missing: str = (
        "Your data folder {{where}} is not there right now (rebound keeps its place in "
        "{{value}}). Nothing is lost: is the drive or the synced folder there? If you moved it "
        "yourself, `rebound data move DIR` tells rebound where it is now."
    )
    state_unusable: str = (
        "This computer's folder for rebound's locks and index, {{where}}, cannot be used "
        "({{value}}). Nothing was changed. Set REBOUND_STATE to a folder you can write to, or "
        "fix this one."
    )
    merged_copies: str = (
        "Merged {{count}} conflict copies a sync tool made of {{title}}: everything typed on "
        "either computer is in it, and the copies are kept in {{where}}."
    )
    merged_copies_one: str = (
        "Merged a conflict copy a sync tool made of {{title}}: everything typed on either "
        "computer is in it, and the copy is kept in {{where}}."
    )
    merged_twice: str = (
        "Merged the two versions of {{title}} that a sync tool wrote into one file (some "
        "entries were in it twice): everything typed on either computer is in it, and the file "
        "as it was is kept in {{where}}."
    )
    merged_both: str = (
        "{{count}} answers were changed on both computers: the newer ones stay, and `rebound "
        "show {{id}}` shows the others too."
    )
    merged_both_one: str = (
        "One answer was changed on both computers: the newer one stays, and `rebound show "
        "{{id}}` shows the other too."
    )
    merged_both_kept: str = "{{count}} were changed on both computers: both versions are kept."
    merged_both_kept_one: str = "One was changed on both computers: both versions are kept."
    merged_what_session: str = "session '{{id}}'"
    merged_what_brag: str = "your brag list"
    merged_what_contacts: str = "your contact log"
    also_written: str = "also written on {{name}} at {{date}}: {{value}}"
    also_written_somewhere: str = "also written at {{date}}: {{value}}"
    path_from_env: str = "REBOUND_HOME is set, so rebound uses this folder."
    path_remembered: str = "The folder `rebound data move` chose (its place is kept in {{where}})."
    path_default: str = (
        "This computer's default folder. `rebound data move DIR` keeps your data somewhere else, "
        "a folder you sync for one."
    )
    path_missing: str = "It is not there right now: is the drive or the synced folder there?"
    path_machine: str = (
        "This computer keeps its own locks and index in {{where}}, and the content cache in "
        "{{value}}."
    )
    path_unfinished: str = (
        "A move to {{where}} did not finish: run `rebound data move {{where}}` again to finish it."
    )
    move_env: str = (
        "REBOUND_HOME is set (to {{where}}), and it decides where your data is, so a move would "
        "not be used. Nothing was moved. Unset it first, or point it at the new place yourself."
    )
    move_already: str = "Your data is already in {{where}}."
    move_nothing: str = (
        "There was nothing at {{value}} to move, so rebound will simply use {{where}} from now on."
    )
    move_done: str = "Moved {{count}} files to {{where}}: rebound uses that folder from now on."
    move_done_one: str = "Moved 1 file to {{where}}: rebound uses that folder from now on."
    move_remembered: str = (
        "Every later run, the nudge, the daily reminder and completion find it there (its "
        "place is kept in {{where}})."
    )
    move_both: str = (
        "{{count}} files were already there with other contents: both versions are kept, and "
        "rebound merges them."
    )
    move_both_one: str = (
        "1 file was already there with other contents: both versions are kept, and rebound "
        "merges them."
    )
    move_left: str = (
        "{{count}} files changed while they were being moved and were left in {{where}} "
        "({{list}}): look at them, then run the move again."
    )
    move_left_one: str = (
        "1 file changed while it was being moved and was left in {{where}} ({{list}}): look at "
        "it, then run the move again."
    )
    move_not_folder: str = "{{where}} is a file, not a folder. Nothing was moved."
    move_inside: str = (
        "{{where}} and your data folder {{value}} are inside one another, so the data can't be "
        "moved there. Nothing was moved. Pick a folder beside it."
    )
    move_failed: str = "Could not find a free name for a copy of {{where}}. Nothing was lost."
