"""The email a session starts from: reading it, guessing what it already answers, and replying
in its thread.

Most rejections arrive by email, and the answers to the first questions (who, which company,
which role, when) are already in it. This family reads a saved message, a mailbox or pasted
text with the standard library's `email` package, turns what it says into defaults the walk
offers (never answers it assumes), and makes the reply join the message's thread. Pure: no
prompts, no Rich, nothing saved; the email machinery is imported only when a message is read.
"""
