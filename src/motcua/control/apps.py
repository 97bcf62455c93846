from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ControlConfig(AppConfig):
    name = "motcua.control"
    label = "control"
    verbose_name = _("Kiểm soát TTHC: kế hoạch, nhiệm vụ, báo cáo")

    def ready(self) -> None:
        # The built-in computations register themselves on import; other apps add theirs in their ready().
        from motcua.core.seeds import keep_seeded

        from . import computations, downloads  # noqa: F401

        keep_seeded(self, "0002_seed_legal_parameters")
        keep_seeded(self, "0008_seed_scorecard_weights")
