from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "motcua.evaluation"
    label = "evaluation"
    verbose_name = _("Đánh giá giải quyết thủ tục hành chính")

    def ready(self) -> None:
        from motcua.core.seeds import keep_seeded

        # The rating questions are legal data that must survive a flush.
        keep_seeded(self, "0002_seed_criteria")
