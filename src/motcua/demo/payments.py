"""Demo collection accounts: every service centre of Minh Sơn collects fees into its own account from
1/7/2025 (the two-level reform), so the citizen's payment page shows the account and its VietQR code.

The bank is real (VietinBank's NAPAS BIN 970415, so a bank app reads the code); the account numbers and
names are fictional demonstration data. Running it again changes nothing.
"""

from __future__ import annotations

from motcua.core.text import fold
from motcua.integrations.models import CollectionAccount
from motcua.org.models import SERVICE_CENTRE_KINDS, Agency

from . import records

BANK_NAME = "Ngân hàng TMCP Công Thương Việt Nam (VietinBank)"
BANK_BIN = "970415"
SINCE = "2025-07-01"


def load() -> dict[str, int]:
    centres = Agency.objects.filter(kind__in=SERVICE_CENTRE_KINDS, valid_to__isnull=True).order_by("code")
    for number, centre in enumerate(centres, start=1):
        records.upsert(
            CollectionAccount,
            lookup={"agency": centre, "valid_from": SINCE},
            values={
                "bank_name": BANK_NAME,
                "bank_bin": BANK_BIN,
                "account_number": f"11900099{number:04d}",
                "account_name": fold(centre.name).upper(),  # as banks hold names: no diacritics
                "branch": "Chi nhánh Minh Sơn",
            },
            action="collection_account",
        )
    return {"collection_accounts": CollectionAccount.objects.count()}
