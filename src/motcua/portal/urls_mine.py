"""Portal URLs: mine."""

urlpatterns: list = []
