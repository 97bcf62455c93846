from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "motcua.portal"
    label = "portal"
    verbose_name = _("Cổng dịch vụ công")

    def ready(self) -> None:
        # Dossiers must not import the portal: the portal listens to the dossier timeline instead.
        from django.db.models.signals import post_save

        from motcua.dossiers import declarations
        from motcua.dossiers.models import CertifiedCopy, DossierEvent

        from .selectors import declaration_rows
        from .store import on_certified_copy, on_dossier_event

        declarations.register(declaration_rows)

        post_save.connect(on_dossier_event, sender=DossierEvent, dispatch_uid="portal.store.result")
        post_save.connect(on_certified_copy, sender=CertifiedCopy, dispatch_uid="portal.store.certified_copy")
