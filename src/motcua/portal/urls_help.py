"""Portal URLs: help (Q&A, how-to guides, service centres' contacts and hours)."""

from django.urls import path

from . import views_help

urlpatterns: list = [
    path("hoi-dap/", views_help.faq, name="faq"),
    path("huong-dan/", views_help.help_page, name="help"),
    path("trung-tam/", views_help.centres, name="centres"),
]
