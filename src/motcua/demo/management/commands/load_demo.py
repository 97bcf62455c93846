"""`motcua load_demo`: the demo province, its agencies and users; safe to run any number of times."""

from django.core.management.base import BaseCommand
from django.db import transaction

from motcua.demo import (
    catalog,
    citizens,
    contest,
    control,
    dossiers,
    faq,
    feedback,
    national,
    org,
    outreach,
    payments,
    portal,
    ratings,
    review,
)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại không thay đổi gì). / Load the demo data (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = org.load()
            counts.update(payments.load())
        with transaction.atomic():
            counts.update(catalog.load())
        with transaction.atomic():
            counts.update(control.load())
        with transaction.atomic():
            counts.update(dossiers.load())
        with transaction.atomic():
            counts.update(citizens.load())
        # After the dossiers: results already attached are copied into the citizens' document stores.
        counts.update(portal.load())
        counts.update(ratings.load())
        with transaction.atomic():
            counts.update(faq.load())
        counts.update(outreach.load())  # after the FAQ topics it publishes answers under
        counts.update(feedback.load())
        counts.update(review.load())
        counts.update(national.load())  # after every demo dossier change
        counts.update(contest.load())
        self.stdout.write(
            "Dữ liệu mẫu / demo data: " + ", ".join(f"{name} {count}" for name, count in counts.items())
        )
