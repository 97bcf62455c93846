from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "motcua.integrations"
    verbose_name = _("Tích hợp hệ thống ngoài")

    def ready(self) -> None:
        from . import payment_gateway  # noqa: F401  (registers the gateway payment plugin)
