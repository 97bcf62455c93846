from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "motcua.review"
    label = "review"
    verbose_name = _("Rà soát, đơn giản hóa thủ tục hành chính")

    def ready(self) -> None:
        # The decision files are served by core's one authorised download.
        from motcua.core.seeds import keep_seeded

        from . import computations, downloads  # noqa: F401
        from .drafts import computations as _draft_computations  # noqa: F401
        from .inspections import computations as _inspection_computations  # noqa: F401

        # The hourly income and the opinion time limit are legal parameters that must survive a flush.
        keep_seeded(self, "0002_seed_income_rate")
        keep_seeded(self, "0004_seed_opinion_time_limit")
