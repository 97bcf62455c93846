from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "motcua.feedback"
    label = "feedback"
    verbose_name = _("Phản ánh, kiến nghị về quy định hành chính")

    def ready(self) -> None:
        from motcua.core.seeds import keep_seeded

        # Report figures feed control's registry of computations; downloads register their kind;
        # deadlines join control's reminder sweep.
        from . import computations, downloads, reminders, scoring  # noqa: F401

        # The PAKN time limits are legal data that must survive a flush.
        keep_seeded(self, "0002_seed_limits")
