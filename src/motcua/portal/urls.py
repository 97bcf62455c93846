"""Citizen pages, one URL module per part so each stays small: submission, my dossiers, help."""

from . import urls_help, urls_mine, urls_submission

app_name = "portal"
urlpatterns = [*urls_submission.urlpatterns, *urls_mine.urlpatterns, *urls_help.urlpatterns]
