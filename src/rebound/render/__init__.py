"""Every screen, drawn with Rich: the only family that imports it.

The walk's and the summary's screens (`screens`), the brag list's (`brag`), and those of `todo`,
`stats` and `contacts` (`insights`). Commands hand their results here; nothing here saves.
"""
