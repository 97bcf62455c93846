from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "motcua.catalog"
    label = "catalog"
    verbose_name = _("Danh mục thủ tục hành chính")

    def ready(self) -> None:
        from motcua.core.seeds import keep_seeded

        from . import signals  # noqa: F401  (published versions refuse changes)

        keep_seeded(self, "0002_levels_rules_search")
