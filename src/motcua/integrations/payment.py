"""Fee payment as a plugin (Open Forms style): settings pick the implementation.

    MOTCUA_PAYMENT_PLUGIN = "counter"   # the default

`counter` is the built-in plugin: the applicant pays at the counter, or by bank transfer to the account in
the settings and declares the transfer; a one-stop officer confirms either (dossiers.payments). A province
connects the national payment platform or its own gateway by registering a plugin whose `online` is True;
only a payment confirmed through such a plugin counts as "paid online" for the service index.

The bank account shown to applicants is the collecting agency's account in force that day
(`CollectionAccount`, dated agency data kept in the admin); an agency without one falls back to the settings,
else to the environment:

    MOTCUA_PAYMENT_BANK = {"bank": "…", "account_number": "…", "account_name": "…", "branch": "…"}
    # or MOTCUA_BANK_NAME, MOTCUA_BANK_ACCOUNT_NUMBER, MOTCUA_BANK_ACCOUNT_NAME, MOTCUA_BANK_BRANCH
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from motcua.core.plugins import Registry
from motcua.core.validity import in_force
from motcua.org.models import Agency

DEFAULT_PLUGIN = "counter"
BANK_ENV = {
    "bank": "MOTCUA_BANK_NAME",
    "account_number": "MOTCUA_BANK_ACCOUNT_NUMBER",
    "account_name": "MOTCUA_BANK_ACCOUNT_NAME",
    "branch": "MOTCUA_BANK_BRANCH",
}


@dataclass(frozen=True)
class BankAccount:
    bank: str
    account_number: str
    account_name: str
    branch: str = ""
    bank_bin: str = ""  # the bank's NAPAS BIN: with it the page shows a VietQR transfer code


@dataclass(frozen=True)
class Instructions:
    """What the applicant is told to do to pay `amount` for a dossier."""

    amount: int
    transfer_content: str
    account: BankAccount | None
    pay_url: str = ""


class Plugin(ABC):
    """One way to collect fees."""

    name = ""
    # True when the plugin itself takes the money online (a gateway); the index counts those payments.
    online = False

    @abstractmethod
    def instructions(self, *, code: str, amount: int, agency: Agency | None = None) -> Instructions:
        """How to pay `amount` for the dossier with this code, collected by `agency`."""

    @abstractmethod
    def accepts(self, method: str) -> bool:
        """Whether a payment by `method` (counter, bank_transfer, online) is handled by this plugin."""


class CounterPlugin(Plugin):
    """Cash at the counter, or a bank transfer the applicant declares and an officer checks."""

    name = "counter"

    def instructions(self, *, code: str, amount: int, agency: Agency | None = None) -> Instructions:
        return Instructions(
            amount=amount, transfer_content=transfer_content(code), account=bank_account(agency)
        )

    def accepts(self, method: str) -> bool:
        return method in ("counter", "bank_transfer")


def transfer_content(code: str) -> str:
    """The text the applicant writes on the transfer, so the officer finds it in the bank statement."""
    return f"HS {code}"


def bank_account(agency: Agency | None = None, day: date | None = None) -> BankAccount | None:
    """The account `agency` collects into on `day` (today), else the one in the settings."""
    if agency is not None:
        from .models import CollectionAccount

        row = in_force(CollectionAccount.objects.filter(agency=agency), day or timezone.localdate())
        if row is not None:
            return BankAccount(
                bank=row.bank_name,
                account_number=row.account_number,
                account_name=row.account_name,
                branch=row.branch,
                bank_bin=row.bank_bin,
            )
    configured = getattr(settings, "MOTCUA_PAYMENT_BANK", None) or {
        key: os.environ.get(variable, "") for key, variable in BANK_ENV.items()
    }
    if not configured.get("account_number"):
        return None
    return BankAccount(
        bank=configured.get("bank", ""),
        account_number=configured["account_number"],
        account_name=configured.get("account_name", ""),
        branch=configured.get("branch", ""),
    )


plugins: Registry[type[Plugin]] = Registry(
    "payment", base=Plugin, setting="MOTCUA_PAYMENT_PLUGIN", default=DEFAULT_PLUGIN
)
# Class decorator for a gateway plugin (national payment platform, a provincial gateway …).
register = plugins.register

register(CounterPlugin)


def plugin_named(name: str) -> Plugin:
    return plugins.get(name)()


def current() -> Plugin:
    """The plugin the settings name (the counter one by default)."""
    return plugins.active()()
