"""The `motcua` console command: Django's management commands under one name.

`motcua workdays due …`, `motcua migrate`, `motcua load_demo` and every other management command
run through here, so operators need neither manage.py nor DJANGO_SETTINGS_MODULE.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "motcua"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
