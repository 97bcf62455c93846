"""`motcua workdays …` as an operator runs it: exact output, exit status 2 and one line for bad input."""

import os
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from motcua.workdays.models import DayOverride

BASIS = "Thông báo số 1/TB-BNV"

HOLIDAYS_2026 = """\
2026-01-01\toff\tTết Dương lịch
2026-02-16\toff\tGiao thừa Tết Nguyên Đán
2026-02-17\toff\tTết Nguyên Đán
2026-02-18\toff\tMùng hai Tết Nguyên Đán
2026-02-19\toff\tMùng ba Tết Nguyên Đán
2026-02-20\toff\tMùng bốn Tết Nguyên Đán
2026-04-26\toff\tNgày Giỗ Tổ Hùng Vương
2026-04-27\toff\tNgày Giỗ Tổ Hùng Vương (nghỉ bù)
2026-04-30\toff\tNgày Chiến thắng
2026-05-01\toff\tNgày Quốc tế Lao động
2026-08-22\twork\tNgày làm việc bù (thay cho ngày 31/08/2026)
2026-08-31\toff\tNgày nghỉ (thay cho ngày 22/08/2026)
2026-09-01\toff\tQuốc khánh
2026-09-02\toff\tQuốc khánh
2026-11-24\twork\tNgày Văn hóa Việt Nam (chưa xác nhận là ngày nghỉ)
"""


@pytest.fixture(scope="module")
def fresh_checkout(tmp_path_factory) -> Path:
    """A var directory with no database in it, as after `git clone`."""
    return tmp_path_factory.mktemp("var")


def motcua(var_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "MOTCUA_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'motcua.sqlite3'}",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "motcua.cli", "workdays", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["due", "2026-02-13T16:30", "3d"], "2026-02-25T16:30\n"),
        (["due", "2026-02-13T16:30", "15cd"], "2026-03-02T17:00\n"),
        (["due", "2026-02-13T10:00", "0.5d"], "2026-02-13T15:00\n"),
        (["due", "2025-01-24T16:30", "3d"], "2025-02-05T16:30\n"),
        (["due", "2026-04-24T10:00", "1d"], "2026-04-28T10:00\n"),
        (["due", "2025-04-25T10:00", "1d"], "2025-04-26T10:00\n"),
        (
            ["due", "2026-03-06T10:00", "1d", "--off", "2026-03-09", "--off", "2026-03-10"],
            "2026-03-11T10:00\n",
        ),
        (["due", "2026-03-06T10:00", "1d", "--work", "2026-03-07"], "2026-03-07T10:00\n"),
        (["due", "2026-03-09T07:30", "1d", "--hours", "07:30-11:30,13:30-17:00"], "2026-03-09T17:00\n"),
        (["due", "2026-03-09T08:00", "0.001d"], "2026-03-09T08:01\n"),
        (["holidays", "2026"], HOLIDAYS_2026),
    ],
)
def test_outputs_on_a_fresh_checkout(fresh_checkout, args, expected):
    result = motcua(fresh_checkout, *args)
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")
    assert not (fresh_checkout / "motcua.sqlite3").exists()


def test_holidays_over_several_years_are_sorted_one_line_per_date(fresh_checkout):
    lines = motcua(fresh_checkout, "holidays", "2025", "2027").stdout.splitlines()
    days = [line.split("\t")[0] for line in lines]
    assert days == sorted(set(days))
    assert "2025-04-26\twork\tNgày làm việc bù (thay cho ngày 02/05/2025)" in lines
    assert "2025-02-01\toff\tMùng bốn Tết Nguyên Đán" in lines  # a Saturday, listed all the same
    assert "2027-05-03\toff\tNgày Quốc tế Lao động (nghỉ bù)" in lines
    assert {line.split("\t")[0][:4] for line in lines} == {"2025", "2026", "2027"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["due", "2026-02-13T16:30", "-3d"],
            "Thời hạn không được âm: '-3d' / a duration must not be negative: '-3d'",
        ),
        (["due", "13/02/2026 16:30", "3d"], "invalid start '13/02/2026 16:30' (expected YYYY-MM-DDTHH:MM)"),
        (["due", "2026-02-13T16:30", "3w"], "unknown unit 'w' (use d, h, cd, sd or im)"),
        (["due", "2026-02-13T16:30", "1.5cd"], "calendar days must be a whole number: 1.5"),
        (
            ["due", "2026-02-13T16:30", "3d", "--hours", "8h-17h"],
            "invalid period '8h-17h' (expected HH:MM-HH:MM)",
        ),
        (
            ["due", "2026-02-13T16:30", "3d", "--off", "2026-02-30"],
            "invalid date '2026-02-30' (expected YYYY-MM-DD)",
        ),
        (
            ["due", "2026-03-06T10:00", "1d", "--off", "2026-03-09", "--work", "2026-03-09"],
            "is given as both",
        ),
        (["due", "2026-02-13T16:30", "3d", "--province", "99"], "unknown province code '99'"),
        (["due", "2099-12-31T16:00", "3d"], "the deadline falls after 2099"),
        (["due", "1900-12-31T16:00", "3d"], "year 1900 is outside the supported range 1901–2099"),
        (["holidays", "2027", "2025"], "TO_YEAR 2025 is before FROM_YEAR 2027"),
        (["holidays", "1900"], "year 1900 is outside the supported range 1901–2099"),
        (["holidays", "2026", "2100"], "year 2100 is outside the supported range 1901–2099"),
        (["holidays", "hai nghìn"], "invalid year 'hai nghìn' (expected YYYY)"),
        (["due", "2026-02-13T16:30"], "the following arguments are required: duration"),
        (["due", "2026-02-13T16:30", "3d", "--bogus"], "unrecognized arguments: --bogus"),
        (["holidays", "2026", "2027", "2028"], "unrecognized arguments: 2028"),
        (["sleep"], "invalid choice: 'sleep'"),
        ([], "the following arguments are required: due|holidays"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(fresh_checkout, args, message):
    result = motcua(fresh_checkout, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.endswith("\n")
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert " / " in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "usage:" not in result.stderr


def test_an_empty_sqlite_file_without_tables_means_no_overrides(tmp_path):
    (tmp_path / "motcua.sqlite3").touch()
    result = motcua(tmp_path, "due", "2026-02-13T16:30", "3d")
    assert (result.returncode, result.stdout, result.stderr) == (0, "2026-02-25T16:30\n", "")


# In-process runs against the test database: overrides and provinces come from rows.


def run(*args: str) -> str:
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_national_overrides_in_the_database_move_deadlines_and_appear_in_the_list():
    DayOverride.objects.create(
        date=date(2026, 2, 23), kind="off", name="Nghỉ thêm sau Tết", legal_basis=BASIS
    )
    # With the database the Civil Code row is in force: the period ends at the close of office.
    assert run("due", "2026-02-13T16:30", "3d") == "2026-02-26T17:00\n"
    assert "2026-02-23\toff\tNghỉ thêm sau Tết\n" in run("holidays", "2026")


@pytest.mark.django_db
def test_a_database_override_replaces_the_holiday_name_on_its_date():
    DayOverride.objects.create(
        date=date(2026, 2, 20), kind="work", name="Làm việc mùng bốn", legal_basis=BASIS
    )
    listing = run("holidays", "2026")
    assert "2026-02-20\twork\tLàm việc mùng bốn\n" in listing
    assert "Mùng bốn Tết Nguyên Đán" not in listing


@pytest.mark.django_db
def test_province_overrides_apply_with_the_province_code(province):
    DayOverride.objects.create(
        date=date(2026, 3, 9), kind="off", name="Lễ hội tỉnh", legal_basis=BASIS, province=province.unit
    )
    assert run("due", "2026-03-06T10:00", "1d") == "2026-03-09T17:00\n"
    assert run("due", "2026-03-06T10:00", "1d", "--province", "99") == "2026-03-10T17:00\n"
    assert "2026-03-09\toff\tLễ hội tỉnh" in run("holidays", "2026", "--province", "99")
    assert "Lễ hội tỉnh" not in run("holidays", "2026")


@pytest.mark.django_db
def test_called_from_code_bad_input_is_a_command_error_with_status_2():
    with pytest.raises(CommandError, match="a duration must not be negative") as error:
        run("due", "2026-02-13T16:30", "-3d")
    assert error.value.returncode == 2
    with pytest.raises(CommandError, match="required: duration") as error:
        run("due", "2026-02-13T16:30")
    assert error.value.returncode == 2
