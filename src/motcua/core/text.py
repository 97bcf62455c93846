"""Vietnamese text folding for accent-insensitive search.

`đ`/`Đ` have no Unicode decomposition, so they are mapped to `d` before stripping combining marks.
"""

import unicodedata


def fold(text: str) -> str:
    """'Đăng ký Khai sinh' -> 'dang ky khai sinh'; idempotent."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())
