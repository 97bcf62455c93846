"""The citizen ID number and tax-code rules of accounts live in `motcua.core.identifiers` (issue 14: one rule
per kind for every app, with its legal basis). These names stay for accounts' models, services and
migrations."""

from motcua.core.identifiers import (
    PROVINCE_CODES,
    PROVINCE_CODES_LEGAL_BASIS,
    birth_century,
    birth_year,
    validate_id_number,
    validate_id_number_birth,
    validate_tax_code,
)

__all__ = [
    "PROVINCE_CODES",
    "PROVINCE_CODES_LEGAL_BASIS",
    "birth_century",
    "birth_year",
    "validate_id_number",
    "validate_id_number_birth",
    "validate_tax_code",
]
