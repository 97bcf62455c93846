"""The entry's receipt as PDF (always in Vietnamese: it is the paper the secretariat stands behind): the
receipt number, the contest, the entry, who entered it, when, the attached files and what comes next."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Entry, PhaseKind


def receipt_pdf(entry: Entry) -> bytes:
    from weasyprint import HTML  # imported here: it loads pango, which only the PDF export needs

    phases = {p.kind: p for p in entry.contest.phases.all()}
    with translation.override("vi"):
        html = render_to_string(
            "contest/receipt_pdf.html",
            {
                "entry": entry,
                "files": entry.files.all(),
                "review": phases.get(PhaseKind.PRELIMINARY),
                "awards": phases.get(PhaseKind.AWARDS),
                "submitted": timezone.localtime(entry.submitted_at),
            },
        )
    return HTML(string=html).write_pdf()
