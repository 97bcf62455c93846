"""Input formats for this language: day first (see motcua.formats). Display formats stay Django's own for
the language: a format module defines only what it changes."""

from motcua import formats as _site

DATE_INPUT_FORMATS = _site.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = _site.DATETIME_INPUT_FORMATS
