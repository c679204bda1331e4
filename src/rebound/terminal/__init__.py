"""The terminal: asking, and walking a person through the steps.

The prompts (`prompts`, the only module that talks to questionary, and `questions`, those
rebound builds itself), the walk that asks, saves after every answer and shows (`walk`), the
offer of each drafted message at the end of a step (`draft_offers`), sending a draft to the
clipboard, the mail app or the editor (`send`), and saving the brag list while others may
write it (`brag_saves`).
"""
