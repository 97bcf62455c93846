"""Inspections of how agencies carry out TTHC control (kiểm tra), their minutes, findings and recommendations
followed up to evidence; and the register of misconduct by officials in handling procedures, visible only to
the roles that handle it."""
