"""One plugin registry for every replaceable part (Open Forms style): notification channels, payment,
identity providers, named computations, download kinds …

    channels = Registry("notification", base=Plugin, setting=None, default="outbox")

    @channels.register
    class SmsGateway(Plugin):
        name = "sms_gateway"

    channels.get("sms_gateway")          # the class
    payments.active()                    # the one settings.MOTCUA_PAYMENT_PLUGIN names (else `default`)

An entry is a subclass of `base` (registered under its `name` attribute, or the name given to
`register("name")`) or an instance of `base` with a `name` (e.g. a dataclass describing a function).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")


class UnknownPlugin(LookupError, ImproperlyConfigured):
    """No entry of that name: a lookup miss for callers, a configuration error when a setting names it."""


class Registry(Generic[T]):
    def __init__(
        self, name: str, *, base: type, setting: str | None = None, default: str | None = None
    ) -> None:
        self.name = name
        self.base = base
        self.setting = setting
        self.default = default
        self._entries: dict[str, T] = {}

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {', '.join(self._entries)}>"

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def register(self, entry: Any = None, /, *, name: str | None = None) -> Any:
        """Decorator or call: `@reg.register`, `@reg.register("name")`, `reg.register(obj, name="…")`.

        Registering the same entry twice is harmless (a module imported again); another entry under a
        taken name is an error, so two apps cannot silently replace each other's plugin.
        """
        if entry is None or isinstance(entry, str):
            given = entry if isinstance(entry, str) else name

            def decorate(item: Any) -> Any:
                self._add(item, given)
                return item

            return decorate
        self._add(entry, name)
        return entry

    def _add(self, entry: Any, name: str | None) -> None:
        is_class = isinstance(entry, type)
        if not (issubclass(entry, self.base) if is_class else isinstance(entry, self.base)):
            raise TypeError(f"{entry!r} is not a {self.base.__name__} ({self.name} registry)")
        key = name or getattr(entry, "name", "")
        if not key:
            raise ValueError(f"{entry!r} has no name to be registered under ({self.name} registry)")
        if key in self._entries and self._entries[key] != entry:
            raise ValueError(f"{self.name} {key!r} is already registered")
        self._entries[key] = entry

    def unregister(self, name: str) -> None:
        """For tests that register a plugin of their own."""
        self._entries.pop(name, None)

    def get(self, name: str) -> T:
        try:
            return self._entries[name]
        except KeyError:
            known = ", ".join(sorted(self._entries)) or "—"
            raise UnknownPlugin(
                f"Chưa đăng ký {self.name} '{name}' (có: {known}) / no {self.name} plugin named '{name}'"
            ) from None

    def active_name(self) -> str:
        chosen = getattr(settings, self.setting, None) if self.setting else None
        name = chosen or self.default
        if not name:
            raise ImproperlyConfigured(f"{self.setting or self.name}: no {self.name} plugin chosen")
        return name

    def active(self) -> T:
        """The entry the setting names, else the default."""
        return self.get(self.active_name())

    def all(self) -> dict[str, T]:
        return dict(sorted(self._entries.items()))

    def choices(self, label: Callable[[str, T], str] | None = None) -> list[tuple[str, str]]:
        """(name, label) pairs sorted by name; the label is the entry's `label` unless given a function."""

        def default_label(key: str, entry: T) -> str:
            return str(getattr(entry, "label", "") or key)

        describe = label or default_label
        return [(key, describe(key, entry)) for key, entry in self.all().items()]
