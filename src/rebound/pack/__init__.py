"""Content packs: the coaching as YAML, read carefully into validated models.

Which pack a run uses and the cache that makes loading one cheap (`packs`), the careful YAML reader
(`yaml_reader`), reading a pack's files (`reader`), the models of what a pack may say (`models`),
what each kind of question accepts from a person (`typed`: the same check for a prompt, an answers
file and a pack's own defaults), conditions on answers (`conditions`), what a template may read
of a session's answers (`context`), the JSON Schemas editors check a pack's files with
(`schemas`), and what a translation keeps of its base pack (`likeness`). A pack is data: nothing
here asks, draws or decides what comes next.
"""
