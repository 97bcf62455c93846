"""Portal URLs: submission."""

urlpatterns: list = []
