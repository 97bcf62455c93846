from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceIndexConfig(AppConfig):
    name = "motcua.serviceindex"
    label = "serviceindex"
    verbose_name = _("Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)")

    def ready(self) -> None:
        # The indicators' computations, the listeners that keep the per-day aggregates, and the report
        # figures this app offers to control's registry of computations.
        from . import computations, feedback_indicators, prefill, scoring, signals, sync_indicator  # noqa: F401
