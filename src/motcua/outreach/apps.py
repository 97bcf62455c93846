from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "motcua.outreach"
    label = "outreach"
    verbose_name = _("Tuyên truyền cải cách hành chính")

    def ready(self) -> None:
        # Activity counts feed plan targets through control's registry of computations.
        from . import computations, downloads  # noqa: F401
