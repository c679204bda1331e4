"""`Phrasebook`: sentences as plain data, the base of the catalogue (`Ui`, by way of
`command_sentences`, `file_sentences` and `mail_sentences`).

A subclass declares one sentence a line, its name, `: str` and its English default, and its
instances are frozen: the sentences of one pack. It is a plain class, not a pydantic model,
because every command imports `Ui` (the content cache pickles a `Content`, which holds one) and
pydantic takes ~11 ms to make a model of ~500 fields, against well under 1 ms for this class.

Validation is still pydantic's, so a pack's `ui:` is checked and its errors read exactly as
before: the first time one is validated (or a JSON Schema is made), `pydantic_model()` builds
the model of the same fields, with the same name, docstring and defaults, and `Content.ui`
validates through it (`__get_pydantic_core_schema__`). Only the cold load of a pack, which
validates the whole pack anyway, pays for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel, GetCoreSchemaHandler
    from pydantic_core import CoreSchema

_P = TypeVar("_P", bound="Phrasebook")


class Phrasebook:
    """Frozen sentences, each a class attribute `name: str = "English default"`.

    `Ui()` is the English defaults; `Ui(key="...")` and `Ui.model_validate(mapping)` check the
    keys and values as a pydantic model with `extra="forbid"` would (raising its
    `ValidationError`), and fill in the English default of every key left out.
    """

    # The English defaults of the class and its bases, in declaration order (bases first, as
    # pydantic orders inherited fields); `None`: the pydantic model is not built yet.
    _defaults: ClassVar[Mapping[str, str]] = MappingProxyType({})
    _model: ClassVar[type[BaseModel] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own: dict[str, str] = {}
        # A class's own annotations only (so from Python 3.10 on); with `from __future__
        # import annotations` they are the text "str", never evaluated.
        for name in cls.__annotations__:
            default = cls.__dict__.get(name)
            if not isinstance(default, str):
                raise TypeError(f"{cls.__name__}.{name}: a sentence needs its English default")
            if hasattr(Phrasebook, name):
                raise TypeError(f"{cls.__name__}.{name}: the name is taken by Phrasebook")
            own[name] = default
        cls._defaults = MappingProxyType({**cls._defaults, **own})
        cls._model = None

    def __init__(self, **sentences: str) -> None:
        values = type(self).model_validate(sentences).__dict__ if sentences else self._defaults
        self.__dict__.update(values)

    @classmethod
    def defaults(cls) -> Mapping[str, str]:
        """Every sentence's English default, by key, in the order they are declared."""
        return cls._defaults

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        """The pydantic model of these sentences (built on the first call): what validates a
        pack's `ui:` and gives its JSON Schema."""
        model = cls.__dict__.get("_model")
        if model is None:
            from pydantic import ConfigDict, create_model

            fields: dict[str, Any] = {name: (str, text) for name, text in cls._defaults.items()}
            model = create_model(
                cls.__name__,
                __config__=ConfigDict(extra="forbid", frozen=True),
                __doc__=cls.__doc__,
                __module__=cls.__module__,
                **fields,
            )
            cls._model = model
        return model

    @classmethod
    def model_validate(cls: type[_P], data: object) -> _P:
        """A pack's sentences from a mapping, checked as the pydantic model checks them.

        Raises:
            pydantic.ValidationError: an unknown key, or a value that is not text.
        """
        if isinstance(data, cls):
            return data  # as a pydantic model takes an instance of itself
        checked = cls.pydantic_model().model_validate(data)
        return cls._of(checked.__dict__)

    @classmethod
    def _of(cls: type[_P], values: Mapping[str, str]) -> _P:
        """An instance of values already checked (every key, each a text)."""
        made = cls.__new__(cls)
        made.__dict__.update(values)
        return made

    def model_dump(self) -> dict[str, str]:
        """Every sentence, by key (the English default where the pack gave none)."""
        return dict(self.__dict__)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """How a pydantic model holding these sentences (`Content.ui`) validates, dumps and
        describes them: an instance as it is, anything else through `pydantic_model()`."""
        from pydantic_core import core_schema

        def validate(value: Any, inner: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if isinstance(value, cls):
                return value
            return cls._of(inner(value).__dict__)

        return core_schema.no_info_wrap_validator_function(
            validate,
            handler.generate_schema(cls.pydantic_model()),
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.model_dump()
            ),
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: '{name}' cannot be changed")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: '{name}' cannot be removed")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.items()))

    def __repr__(self) -> str:
        # Only what differs from English: 500 defaults would bury it.
        given = {k: v for k, v in self.__dict__.items() if v != self._defaults.get(k)}
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in given.items())})"
