"""The sentences of starting from an email and replying in its thread, as a language pack gives
them: reading the message (`rebound start --from`), what it offers, and the reply as an .eml.

Data, not code, like `sentences.file_sentences` (which inherits these, so that no module of
sentences passes 500 lines): one field per sentence, each a template with its English default,
translated by content/<lang>/coach.yaml's `ui:`. Say them through `rebound.sentences.speech`.
"""

from __future__ import annotations

from rebound.sentences.letter_sentences import LetterSentences


class MailSentences(LetterSentences):
    """The sentences of the email a session starts from, and of the reply to it."""

    inbox_pasted_where: str = "The pasted text"
    inbox_missing: str = (
        "{{where}}: there is no such file. Save the email from your mail program (as .eml), or "
        "paste its text with `rebound start --from -`. Nothing was saved."
    )
    inbox_too_big: str = (
        "{{where}} is {{number}} MB: a whole mailbox, not the message you got. Save just that "
        "email (as .eml) and start from it. Nothing was saved."
    )
    inbox_empty: str = "{{where}} is empty: there is no email in it. Nothing was saved."
    inbox_binary: str = (
        "{{where}} is not text (it looks like an image, a PDF or an archive), so it is not an "
        "email. Save the message itself (as .eml), or paste its text with `rebound start --from "
        "-`. Nothing was saved."
    )
    inbox_not_email: str = (
        "{{where}} is not an email: it does not start with an email's headers (From:, "
        "Subject:...). Save the message from your mail program (as .eml: 'Save as' or 'Download "
        "message'), or paste its text with `rebound start --from -`. Nothing was saved."
    )
    inbox_mbox_empty: str = "{{where}} is a mailbox with no message in it. Nothing was saved."
    inbox_charset_lies: str = (
        "{{where}} says its text is in {{value}}, but it is not, so names and words in it would "
        "come out garbled. Save the message again from your mail program, or paste its text "
        "with `rebound start --from -`. Nothing was saved."
    )
    inbox_charset_unknown: str = (
        "{{where}} is written in a character set rebound doesn't know ({{value}}). Save the "
        "message again from your mail program, or paste its text with `rebound start --from -`."
        " Nothing was saved."
    )
    inbox_no_sender: str = (
        "{{where}} doesn't say who sent it. Copy the message with the line that names the sender"
        " (its 'From:' line, or the name and address above it), or save it as .eml and use "
        "`--from FILE`. Nothing was saved."
    )
    inbox_piped: str = (
        "The email came through a pipe, so there is no terminal left to answer the questions "
        "on. Run `rebound start --from -` in a terminal and paste the text, or save the email as"
        " a file and use `--from FILE` (or add `--answers FILE`). Nothing was saved."
    )
    inbox_many_no_terminal: str = (
        "{{where}} holds {{count}} messages, and with no terminal there is no one to pick from "
        "them. Save the one you mean on its own (as .eml) and start from it. Nothing was saved."
    )
    inbox_paste_hint: str = (
        "Paste the email, with the line that says who it is from, then press Ctrl-D on a new line."
    )
    inbox_pick: str = "This mailbox holds {{count}} messages. Which one brought the news?"
    inbox_read: str = (
        "From the email: {{list}}. Each is offered at its question: Enter keeps it, or type "
        "over it."
    )
    inbox_read_little: str = (
        "The email doesn't plainly say the company, the role or who sent it, so the questions "
        "start blank. Your reply will still go in its thread."
    )
    inbox_no_reply: str = (
        "This came from a no-reply address, so a reply there would be lost. Who is the person "
        "you dealt with?"
    )
    inbox_switch_language: str = (
        "This email is in English. Shall we go on in English, the drafts included?"
    )
    inbox_other_language: str = (
        "The email seems to be in another language ({{value}}): `rebound --lang {{value}} start "
        "...` coaches in it, the drafts included."
    )
    inbox_from_email: str = "{{count}} more came from the email."
    inbox_from_email_one: str = "1 more came from the email."
    draft_eml_needs_output: str = (
        "--eml writes the email to a file: add `-o FILE` (or `-o -` to print it). Nothing was "
        "written."
    )
    draft_eml_not_email: str = (
        "{{title}} is not an email, so there is no .eml to write; `rebound draft {{id}} --copy` "
        "copies it."
    )
    draft_eml_reply: str = (
        "{{title}}: written to {{where}} as a reply in their thread. Open it in your mail "
        "program: it opens as a draft to read, change and send."
    )
    draft_eml_new: str = (
        "{{title}}: written to {{where}} as a new email. Open it in your mail program: it opens "
        "as a draft to read, change and send."
    )
