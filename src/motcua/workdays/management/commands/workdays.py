"""`motcua workdays due …` and `motcua workdays holidays …`: the working-time engine from the shell.

Works before `migrate`: without a database it uses holidays.VN alone. Bad input ends with exit status 2 and
one line on stderr, in Vietnamese and English, so scripts can tell a typo from a result.
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, timedelta
from types import MethodType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from motcua.workdays.calendar import Calendar, DayKind, Override, PeriodEnd
from motcua.workdays.clock import add
from motcua.workdays.duration import Duration
from motcua.workdays.hours import OfficeHours
from motcua.workdays.loader import calendar_for, find_province
from motcua.workdays.public_holidays import check_supported_year

BAD_INPUT_STATUS = 2
_LOCAL_MINUTE = "%Y-%m-%dT%H:%M"
_DAY = "%Y-%m-%d"


class BadInput(Exception):
    """Input the command cannot use; the message is one line for both languages."""


class OneLineParser(CommandParser):
    """Argument errors as one line and exit status 2, without the usage dump argparse prints."""

    def error(self, message: str) -> None:  # type: ignore[override]
        text = f"Lệnh không hợp lệ / invalid command: {message}"
        if self.called_from_command_line:
            raise BadInput(text)
        raise CommandError(text, returncode=BAD_INPUT_STATUS)


class Command(BaseCommand):
    help = "Hạn xử lý và ngày nghỉ theo lịch làm việc / due dates and days off of the working calendar"
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = MethodType(OneLineParser.error, parser)  # type: ignore[method-assign]
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", metavar="due|holidays", required=True, parser_class=OneLineParser
        )
        due = actions.add_parser("due", help="Hạn xử lý / due instant")
        # "-3d" must reach us as a duration to be refused with a clear message, not as an unknown option.
        due._negative_number_matcher = re.compile(r"^-\d")
        due.add_argument("start", help="YYYY-MM-DDTHH:MM (giờ Việt Nam / Vietnam time)")
        due.add_argument(
            "duration", help="3d, 0.5d, 4h, 15cd, sd, sd@15:00 (trong ngày, giờ chốt), im (ngay)"
        )
        due.add_argument("--off", action="append", default=[], metavar="YYYY-MM-DD", help="thêm ngày nghỉ")
        due.add_argument("--work", action="append", default=[], metavar="YYYY-MM-DD", help="thêm ngày làm bù")
        due.add_argument("--hours", metavar="HH:MM-HH:MM[,HH:MM-HH:MM]", help="giờ làm việc")
        due.add_argument("--province", metavar="CODE", help="mã tỉnh")
        due.add_argument(
            "--period-end",
            choices=[rule.value for rule in PeriodEnd],
            help="cách tính ngày cuối thời hạn (mặc định: quy tắc đang có hiệu lực)",
        )
        listing = actions.add_parser("holidays", help="Ngày nghỉ và ngày làm bù / days off and make-up days")
        listing.add_argument("from_year")
        listing.add_argument("to_year", nargs="?")
        listing.add_argument("--province", metavar="CODE", help="mã tỉnh")

    def run_from_argv(self, argv: list[str]) -> None:
        try:
            super().run_from_argv(argv)
        except BadInput as error:
            self.stderr.write(str(error))
            sys.exit(BAD_INPUT_STATUS)

    def execute(self, *args: Any, **options: Any) -> str | None:
        try:
            return super().execute(*args, **options)
        except BadInput as error:
            if self._called_from_command_line:
                raise
            raise CommandError(str(error), returncode=BAD_INPUT_STATUS) from error

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "due":
            self.stdout.write(self.due(options))
        else:
            self.stdout.write(self.holidays(options))

    def due(self, options: dict[str, Any]) -> str:
        """The due instant in local time to the minute, rounded up: never earlier than the law allows."""
        start = parse_local_minute(options["start"])
        duration = _checked(Duration.parse, options["duration"])
        calendar = calendar_for(_province(options["province"], start.date()), on=start.date())
        calendar = calendar.with_overrides(_cli_overrides(options["off"], options["work"]))
        if options["hours"] is not None:
            calendar = calendar.with_office_hours(_checked(OfficeHours.parse, options["hours"]))
        if options.get("period_end"):
            calendar = calendar.with_period_end(PeriodEnd(options["period_end"]))
        due = _checked(add, start, duration, calendar)
        return format_minute(due)

    def holidays(self, options: dict[str, Any]) -> str:
        """One line per day off or make-up day: date, off|work, Vietnamese name."""
        first = parse_year(options["from_year"])
        last = parse_year(options["to_year"]) if options["to_year"] is not None else first
        if last < first:
            raise BadInput(
                f"Năm kết thúc {last} trước năm bắt đầu {first} / TO_YEAR {last} is before FROM_YEAR {first}"
            )
        calendar = calendar_for(_province(options["province"], date(first, 1, 1)), on=date(first, 1, 1))
        return "\n".join(
            f"{info.day:{_DAY}}\t{info.kind.value}\t{info.name}"
            for year in range(first, last + 1)
            for info in calendar.notable_days(year)
        )


def parse_local_minute(text: str) -> datetime:
    """START as Vietnam local time, to the minute."""
    try:
        naive = datetime.strptime(text, _LOCAL_MINUTE)
    except ValueError:
        raise BadInput(
            f"Thời điểm không hợp lệ: '{text}' (cần YYYY-MM-DDTHH:MM)"
            f" / invalid start '{text}' (expected YYYY-MM-DDTHH:MM)"
        ) from None
    _checked(check_supported_year, naive.year)
    return naive.replace(tzinfo=Calendar().tz)


def parse_day(text: str) -> date:
    try:
        day = datetime.strptime(text, _DAY).date()
    except ValueError:
        raise BadInput(
            f"Ngày không hợp lệ: '{text}' (cần YYYY-MM-DD) / invalid date '{text}' (expected YYYY-MM-DD)"
        ) from None
    _checked(check_supported_year, day.year)
    return day


def parse_year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise BadInput(f"Năm không hợp lệ: '{text}' (cần YYYY) / invalid year '{text}' (expected YYYY)")
    year = int(text)
    _checked(check_supported_year, year)
    return year


def format_minute(moment: datetime) -> str:
    """YYYY-MM-DDTHH:MM in local time; seconds round up to the next minute."""
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return f"{moment:{_LOCAL_MINUTE}}"


def _cli_overrides(off: list[str], work: list[str]) -> list[Override]:
    days_off = {parse_day(text) for text in off}
    work_days = {parse_day(text) for text in work}
    if both := sorted(days_off & work_days):
        raise BadInput(
            f"Ngày {both[0]} vừa là --off vừa là --work / {both[0]} is given as both --off and --work"
        )
    return [Override(day, DayKind.OFF, "Ngày nghỉ (--off)") for day in sorted(days_off)] + [
        Override(day, DayKind.WORK, "Ngày làm việc bù (--work)") for day in sorted(work_days)
    ]


def _province(code: str | None, on: date):
    if code is None:
        return None
    province = find_province(code, on)
    if province is None:
        raise BadInput(f"Không tìm thấy tỉnh có mã '{code}' / unknown province code '{code}'")
    return province


def _checked(function, *args):
    """Call a core function; its ValueError (already bilingual) becomes bad input."""
    try:
        return function(*args)
    except ValueError as error:
        raise BadInput(str(error)) from None
