"""The sentences about files, as a language pack gives them: saving and reading the data
folder's files, whose they are, the content packs' and answers files' errors, the exports.

Data, not code, like `sentences.command_sentences` (which inherits these, so that neither module
passes 500 lines): one field per sentence, each a template with its English default, translated by
content/<lang>/coach.yaml's `ui:`. Say them through `rebound.sentences.speech`.
"""

from __future__ import annotations

from rebound.sentences.sync_sentences import SyncSentences


class FileSentences(SyncSentences):
    """The sentences of files, folders, packs, answers files and exports."""

    os_error: str = (
        "Could not use {{where}}: {{value}}. Nothing already saved has changed. Check the name "
        "and the place, then try again."
    )
    output_failed: str = (
        "Could not write the output: {{value}}. Nothing already saved has changed. Send the "
        "output somewhere with room (or to the screen) and try again."
    )
    reason_name_too_long: str = "the name is too long for this system"
    reason_no_space: str = "there is no space left on the disk or device"
    reason_quota: str = "your disk quota is used up"
    reason_not_allowed: str = "you are not allowed to use it (its permissions say no)"
    reason_read_only: str = "it is on a read-only disk"
    reason_missing: str = "it does not exist"
    reason_not_a_folder: str = "part of the path is a file, not a folder"
    reason_a_folder: str = "it is a folder, not a file"
    reason_not_a_file: str = (
        "it is not a file but a FIFO, a device or a socket (or a link to one), which rebound "
        "never reads"
    )
    reason_too_large: str = "it is {{value}} bytes, more than the {{count}} MiB rebound reads"
    reason_loop: str = "its symbolic links go round in a loop"
    reason_exists: str = "it already exists"
    reason_not_empty: str = "the folder is not empty"
    reason_busy: str = "it is in use by something else"
    reason_io: str = "the disk reported a read or write error"
    reason_too_many_open: str = "too many files are open at once"
    delete_failed: str = (
        "Could not delete {{where}} ({{value}}). What was not deleted yet is still there; fix the"
        " folder, then try again."
    )
    save_failed: str = (
        "Could not save to {{where}} because {{value}}. Everything saved before is unharmed; free"
        " some space or fix the folder, then try again."
    )
    why_full: str = "the disk is full"
    why_not_allowed: str = "rebound is not allowed to write there"
    why_too_long: str = "the name is too long"
    home_unusable: str = (
        "The data folder {{where}} cannot be used ({{value}}). Set REBOUND_HOME to a folder you "
        "can write to, or fix this one. Nothing was changed."
    )
    folder_not_yours: str = (
        "The folder {{where}} belongs to another user, so rebound will not use it: they could "
        "change what you saved. Nothing was changed. Make it yours (`chown -R $USER {{where}}` "
        "then `chmod 700 {{where}}`), or set REBOUND_HOME to a folder of your own."
    )
    folder_not_private: str = (
        "The folder {{where}} can be changed by other users (mode {{number}}) and rebound could "
        "not make it private ({{value}}). Nothing was changed. Run `chmod 700 {{where}}`, or set "
        "REBOUND_HOME to a folder of your own."
    )
    folder_made_private: str = (
        "{{where}} could be changed by other users (mode {{number}}); it is private to you now "
        "(0700)."
    )
    cache_not_yours: str = (
        "The cache folder {{where}} belongs to someone else, so rebound does not use it: nothing "
        'is lost, it is only slower. To fix it, run `sudo chown -R "$USER" {{where}}`, or '
        "remove that folder."
    )
    folder_unreadable: str = "Could not read the folder {{where}} ({{value}}). Nothing was changed."
    file_unreadable: str = "Could not read {{where}} ({{value}}). It was left as it is."
    file_unreadable_plain: str = "Could not read {{where}} ({{value}})."
    broken_copy: str = "it holds session '{{id}}'; a copy?"
    broken_empty: str = "the file is empty"
    broken_not_session: str = "it does not hold a session"
    broken_no_schema: str = "it has no schema_version"
    broken_newer: str = "it was written by a newer rebound (schema {{number}}); please upgrade"
    broken_the_file: str = "the file"
    broken_too_deep: str = "it is nested far deeper than any file rebound writes"
    broken_not_utf8: str = "it is not UTF-8 text"
    broken_not_json: str = "it is not valid JSON ({{value}}); it may have been cut short"
    broken_bad_json: str = "it is not valid JSON"
    broken_twice: str = "'{{value}}' is in it more than once, with values rebound cannot merge"
    save_failed_first: str = "Nothing of this session was saved yet: `rebound start` begins again."
    save_failed_later: str = "`rebound continue -s {{id}}` picks up at this question."
    cf_too_deep: str = (
        "is nested more than {{count}} levels deep; content and answers files need only a few."
    )
    cf_unreadable: str = "cannot read this content file ({{value}})."
    cf_too_big: str = "is {{value}} bytes; content files may be at most {{count}} KiB."
    cf_not_utf8: str = "is not UTF-8 text ({{value}})."
    cf_not_yaml: str = "is not valid YAML"
    cf_yaml_context: str = "{{value}} ({{title}} that starts at line {{number}})"
    cf_empty: str = "is empty."
    cf_bad_character: str = (
        "the character U+{{value}} is not allowed in YAML (an invisible control character? delete"
        " it and retype the text around it)."
    )
    cf_bad_escape: str = (
        "this escape names no character: Unicode ends at \\U0010FFFF (to write a backslash, "
        "type two)."
    )
    cf_no_aliases: str = "anchors and aliases are not allowed in content."
    cf_bad_tag: str = "the tag '{{value}}' is not allowed."
    cf_no_merge: str = "merge keys ('<<') are not allowed."
    cf_keys_text: str = "keys must be text."
    cf_key_twice: str = "the key '{{value}}' appears twice."
    cf_bad_scalar: str = "'{{value}}' is not a valid {{name}}."
    cf_unknown_field: str = "is not a known field (check the spelling)"
    cf_required: str = "is required"
    cf_more_problems: str = "{{value}} (and {{count}} more problems in this file)"
    cf_more_problems_one: str = "{{value}} (and 1 more problem in this file)"
    cf_not_content: str = (
        "no {{value}} here, so this is not a rebound content folder. Point --content or "
        "REBOUND_CONTENT at a folder made by `rebound content new`."
    )
    cf_coach_shape: str = "should be a mapping with 'opening' and 'steps'"
    cf_key_required: str = "'{{value}}' is required"
    cf_step_ids: str = "should be a list of step ids"
    cf_step_twice: str = "a step is listed twice"
    cf_no_step_file: str = "there is no {{where}} for this step"
    cf_step_id: str = "is '{{value}}' but coach.yaml lists this file as '{{id}}'"
    cf_template_line: str = "template line {{number}}: {{value}}"
    cf_ui_name: str = "'{{value}}' can't be filled in here"
    cf_prompt_taken: str = "'{{id}}' is used by another prompt or is reserved"
    cf_not_earlier: str = "'{{id}}' is not an earlier prompt"
    cf_not_prompt_or_field: str = "'{{id}}' is not a prompt or field"
    cf_drafts_share: str = "two drafts share an id"
    cf_not_in_step: str = "'{{id}}' is not a prompt of this step"
    cf_items_share: str = "two checklist items share an id"
    cf_not_list: str = "'{{id}}' is not a list prompt"
    cf_not_prompt: str = "'{{id}}' is not a prompt"
    cf_not_date: str = "'{{id}}' is not a date prompt"
    cf_bad_default: str = "{{value}} does not fit this question: {{title}}"
    cf_unanswered: str = "the template reads '{{value}}', which no prompt answers"
    af_shape: str = "an answers file maps question ids to answers (company: Globex, ...)"
    af_one_of: str = "one of {{list}}"
    af_yes_no: str = "yes or no"
    af_number: str = "a whole number"
    af_date: str = "a date"
    af_email: str = "an email address"
    af_text: str = "a line of text"
    af_a_mapping: str = "a mapping"
    af_a_list: str = "a list"
    af_choice: str = "should be a choice ({{value}}), not {{title}}"
    af_single: str = (
        "should be a single answer ({{value}}), not {{title}}; to keep brackets or braces as "
        "text, put the answer in quotes"
    )
    af_unknown: str = "is not a question of this coach (known: {{list}})"
    af_entries: str = "should be a list of entries"
    af_min_entries: str = "needs at least {{count}} entries"
    af_entry_shape: str = "should be a mapping of field ids to answers"
    af_not_field: str = "is not a field of {{id}}"
    af_not_yet: str = (
        "can't be used yet: '{{id}}' comes first, has no default and is not in the file"
    )
    af_needed: str = "'{{id}}' is needed"
    md_blank: str = "*(left blank)*"
    md_still_adding: str = " *(still adding)*"
    md_step: str = "## Step {{number}} of {{total}} · {{title}}"
    md_not_finished: str = "*Not finished yet.*"
    md_not_started: str = "*Not started yet.*"
    md_due: str = "due {{date}}"
    md_done: str = "done {{date}}"
    md_session: str = "- **Session:** {{id}}"
    md_started: str = "- **Started:** {{date}}"
    md_finished: str = "- **Finished:** {{date}}"
    md_not_yet: str = "not yet"
    md_exported: str = "- **Exported:** {{date}}"
    md_the_call: str = "## The call"
    md_not_answered: str = "*Not answered yet.*"
    md_checklist: str = "## Checklist"
    md_no_items: str = "*Nothing yet: items appear as the steps are done.*"
    md_next: str = "**Next:** {{value}}"
    broken_too_old: str = "schema {{number}} is too old to read"
    ics_done: str = "Done."
    ics_done_on: str = "Done on {{date}}."
    af_not_asked: str = (
        "is not asked with the other answers in this file (it depends on one of them), so it "
        "would be lost; take it out, or change the answer it depends on"
    )
    af_not_feedback: str = "is not a feedback question (these are: {{list}})"
    cf_never_choice: str = "{{value}} is not one of the choices of '{{id}}', so this never holds"
    cf_never_choice_checkbox: str = (
        "{{value}} is not one of the choices of '{{id}}' (a checkbox answer is tested with "
        "'contains'), so this never holds"
    )
    cf_never_answer: str = "{{value}} is not an answer it can have, so this never holds"
    cf_never_answer_checkbox: str = (
        "{{value}} is not an answer it can have (a checkbox answer is tested with 'contains'), "
        "so this never holds"
    )
    home_is_a_file: str = (
        "The data folder {{where}} cannot be used ({{value}} is a file, not a folder), so your "
        "sessions can't be read. Nothing was changed. Move that file elsewhere, or set "
        "REBOUND_HOME to your data folder."
    )
    reason_not_folder: str = "not a folder"
    broken_newer_plain: str = "it was written by a newer rebound (schema {{number}})"
    shared_newer: str = (
        "{{where}} was written by a newer rebound (schema {{number}}); please upgrade to use "
        "it. It was left as it is."
    )
    contacts_broken: str = (
        "Your contact log could not be read ({{value}}). The file was kept, untouched, at "
        "{{where}}; your sessions are fine, and a new log starts with the next "
        "`rebound contacts log`."
    )
