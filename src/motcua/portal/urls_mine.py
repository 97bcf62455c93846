"""Portal URLs: the citizen's own dossiers."""

from django.urls import path

from . import views_mine

urlpatterns: list = [
    path("ho-so-cua-toi/", views_mine.my_dossiers, name="my_dossiers"),
    path("ho-so-cua-toi/<int:pk>/", views_mine.dossier, name="dossier"),
    path("ho-so-cua-toi/<int:pk>/giay-to/<int:document_pk>/", views_mine.document_file, name="document_file"),
    path("ho-so-cua-toi/<int:pk>/ket-qua/", views_mine.result_file, name="result_file"),
    path("ho-so-cua-toi/<int:pk>/bo-sung/", views_mine.supplement, name="supplement"),
    path("ho-so-cua-toi/<int:pk>/rut-ho-so/", views_mine.withdraw, name="withdraw"),
    path(
        "ho-so-cua-toi/<int:pk>/bien-lai/<int:payment_pk>.pdf",
        views_mine.payment_receipt,
        name="payment_receipt",
    ),
    path("ho-so-cua-toi/<int:pk>/chuyen-khoan/", views_mine.declare_transfer, name="declare_transfer"),
]
