from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "motcua.core"
    label = "core"
    verbose_name = _("Nền tảng chung")

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            twofactor,  # noqa: F401  (marks a session verified after a staff login with a code)
        )
