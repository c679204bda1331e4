"""Every sentence a person reads, and how a key becomes words in the run's language.

The catalogue of the coach's own sentences (`catalogue.Ui`, the pack's `ui:` section, with its
English defaults, split by subject across `phrasebook`, `file_sentences` and
`command_sentences`), `speech` (say a sentence by its key, in the language of this run), and
what fills a sentence in: the small template language (`templates`) and how a person's own
words are fitted into one (`grammar`: greetings, roles, phrases). It sits just above the ground
floor: storage, the pack and everything above word their messages through it, and it imports
nothing of theirs (the run's pack reaches `speech` as a loader it is handed).
"""
