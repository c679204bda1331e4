"""The sentences about the letters themselves, as a language pack gives them: what the letter
checker finds, and the read-back of a sentence made from a person's words.

Data, not code, like `file_sentences` (which inherits these, so that no module of the catalogue
passes 500 lines): one field per sentence, each a template with its English default, translated
by content/<lang>/coach.yaml's `ui:`. Say them through `rebound.sentences.speech`.
"""

from __future__ import annotations

from rebound.sentences.phrasebook import Phrasebook


class LetterSentences(Phrasebook):
    """What the letter checker finds ({{value}}: the words it is about), and the read-back."""

    letters_word_twice: str = "“{{value}}”: the same word twice in a row."
    letters_article_twice: str = "“{{value}}”: two articles in a row."
    letters_gender: str = "“{{value}}”: the article and the job word disagree."
    letters_sentence_joined: str = (
        "“{{value}}” is a whole sentence, joined onto the middle of another one."
    )
    letters_capital_joined: str = "“{{value}}” starts with a capital in the middle of a sentence."
    letters_describing_joined: str = (
        "“{{value}}” describes you; the sentence needs something you do or are known for."
    )
    letters_third_person: str = (
        "“{{value}}” speaks of the person you're writing to as if they were someone else."
    )
    letters_plural_title: str = "“{{value}}” names several jobs; the letter is about one."
    letters_phrase_twice: str = "“{{value}}” comes twice in one short message."
    letters_said_twice: str = "“{{value}}” says again what an earlier sentence says."
    letters_thanks_twice: str = (
        "“{{value}}” thanks them again for what the letter thanked them for."
    )
    letters_gap: str = "“{{value}}”: words are missing here."
    letters_spelling: str = "“{{value}}”: is it “{{name}}”?"
    letters_mended: str = (
        "“{{value}}” is written “{{name}}” in this draft; check that it's the word you meant."
    )
    letters_place: str = (
        "“{{value}}”: people reading your post can't tell where that is. Add your town or area "
        "to the post if you'd like them to know."
    )
    letters_not_asked: str = (
        "“{{value}}” reads as a note to yourself, so this message asks in its own words. To ask "
        "it, write it as you'd say it to them, with `rebound draft --edit` or by revisiting the "
        "step."
    )
    letters_no_address: str = "This email has no address on its To: line ({{value}})."
    letters_claim: str = "It says “{{value}}”, but nothing you answered says that happened."
    letters_left_out: str = (
        "One sentence was left out of this draft (“{{name}}”): the way your words joined it "
        "didn't read well. Add your own with `rebound draft --edit`, or revisit the step."
    )
    letters_write_it: str = "Write that sentence yourself now?"
    af_sentences_shape: str = (
        "give your own sentences as a mapping: the name of the sentence, then the sentence"
    )
    af_sentence_unknown: str = "no draft has a sentence by that name (these do: {{list}})"
    af_sentence_text: str = "give the sentence as text"
    letters_none: str = "{{title}}: reads well; nothing to point out."
    letters_found: str = "{{title}}: {{count}} things a careful reader would stop at:"
    letters_found_one: str = "{{title}}: one thing a careful reader would stop at:"
    readback_intro: str = "In {{title}}, that reads:"
    readback_keep: str = "Keep it"
    readback_rewrite: str = "Rewrite this sentence in my own words"
    readback_question: str = "Keep it as it reads?"
    readback_prompt: str = "Your sentence (it replaces the one above; Enter keeps what's there):"
    readback_kept: str = "Kept as you wrote it. Every draft that has this sentence uses yours now."
