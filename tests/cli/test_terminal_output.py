from __future__ import annotations

from svidok.cli.common import printable
from svidok.cli.incidents import format_table


def test_terminal_escape_sequences_in_untrusted_text_are_shown_not_obeyed() -> None:
    assert printable("title\x1b[2J\x1b]0;pwned\x07") == "title\\x1b[2J\\x1b]0;pwned\\x07"


def test_plain_text_and_cyrillic_pass_through_unchanged() -> None:
    assert printable("Сорокине — Sorokyne\tok") == "Сорокине — Sorokyne\tok"


def test_tables_never_carry_raw_control_characters() -> None:
    table = format_table(("summary",), [("Strike\x1b[31m on Kharkiv",)])
    assert "\x1b" not in table and "\\x1b[31m" in table
