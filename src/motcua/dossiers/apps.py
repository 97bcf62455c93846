from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "motcua.dossiers"
    verbose_name = _("Hồ sơ thủ tục hành chính")

    def ready(self) -> None:
        from motcua.core.seeds import keep_seeded

        # The form templates (TT 01/2018, TT 03/2025) are seeded data that must survive a flush.
        keep_seeded(self, "0002_form_templates", "install")
        # So are the verdict's and the apology's dated rules: with no rule in force a finished dossier is
        # left ungraded (the verdict stayed empty after every flush, e.g. in browser tests after the first).
        keep_seeded(self, "0007_seed_rules_and_split_appointment")

        from . import downloads, reference  # noqa: F401  (downloads registers the dossier file kinds)

        reference.forget_on_changes()
