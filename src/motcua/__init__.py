"""MộtCửa: administrative-procedure control and one-stop shop platform."""
