"""Reference rows that must always exist (levels, legal parameters, form templates).

Data migrations install them. A flush (`motcua flush`, and the teardown of every transactional test)
deletes all rows, then sends `post_migrate`; re-running the same idempotent seed function on that signal
means the platform is never left without its legal parameters.
"""

from importlib import import_module

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate


def keep_seeded(app_config: AppConfig, migration: str, function: str = "seed") -> None:
    """Run `function(apps, None)` of the data migration `migration` after every migrate and flush."""
    seed = getattr(import_module(f"{app_config.name}.migrations.{migration}"), function)

    def reseed(sender, apps=global_apps, **kwargs) -> None:
        # `migrate` passes the migrated app registry; `flush` passes none, and the live one is current.
        seed(apps, None)

    post_migrate.connect(
        reseed, sender=app_config, weak=False, dispatch_uid=f"seed:{app_config.label}:{migration}"
    )
