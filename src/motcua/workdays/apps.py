from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "motcua.workdays"
    label = "workdays"
    verbose_name = _("Lịch làm việc")

    def ready(self) -> None:
        from motcua.core.seeds import keep_seeded

        # The Civil Code's end of a period is a legal parameter that must survive a flush: without it the
        # clock falls back to the same clock time and appointments move.
        keep_seeded(self, "0003_civil_code_period_end", "forwards")
