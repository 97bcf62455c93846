"""Portal URLs: help."""

urlpatterns: list = []
