"""Date input formats of the site, read through settings.FORMAT_MODULE_PATH (`formats/<lang>/formats.py`)
and by the settings themselves: day first, as Vietnamese papers write dates (04/09/2026 is 4 September),
then ISO (what a browser's date picker sends). No Django import here: the settings module reads it."""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
]
