"""What every benchmark script starts with: Django on PostgreSQL, migrated, and a line naming the machine."""

import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} CPU ({model}), Python {platform.python_version()}"


def django_on_postgresql() -> None:
    """Set Django up, refuse any database but PostgreSQL, and migrate it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Cần PostgreSQL (DATABASE_URL=postgres://…). / PostgreSQL is required.")
    call_command("migrate", verbosity=0)
