"""Letters: the drafts a person sends, made from their own answers.

`compose` fills a draft's body, recipient and subject from the pack's templates and the
session's answers. Everything a reader receives is built here, so that it can be read back and
checked before it reaches them.
"""
