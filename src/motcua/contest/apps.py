from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestConfig(AppConfig):
    name = "motcua.contest"
    label = "contest"
    verbose_name = _("Hội thi sáng kiến cải cách TTHC")

    def ready(self) -> None:
        # Entry attachments are served through core's authorised download.
        from . import downloads  # noqa: F401
