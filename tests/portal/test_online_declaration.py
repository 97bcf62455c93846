"""Issue 17: the declaration form filled in online is the declaration paper. A procedure paper whose form the
online form declares (OnlineForm.declares, matched on the paper's form name) asks for no upload; the
checklist, the receipt, the citizen's dossier and the officer's page show it as provided."""

from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.portal import services
from tests.portal.factories import online_form, png
from tests.portal.flow import BIRTH_ANSWERS, applicant_data, documents, start, step_url


def to_papers(client, desk):
    draft = start(client, desk.procedure)
    assert client.post(step_url(draft, 1), applicant_data(desk)).status_code == 302
    assert client.post(step_url(draft, 2), BIRTH_ANSWERS).status_code == 302
    return draft


def test_the_declared_paper_needs_no_upload_and_reaches_the_officer_as_provided(logged_in, client, desk):
    online_form(desk.procedure, declares="  mẫu tp/ht-2020-ks.1 ")  # as an administrator might type it
    declaration, other = documents(desk)
    assert declaration.form_name == "Mẫu TP/HT-2020-KS.1"
    assert declaration.mandatory
    draft = to_papers(logged_in, desk)

    page = logged_in.get(step_url(draft, 3)).content.decode()
    assert "không cần tải lên" in page
    assert f'id="id_doc_{declaration.pk}"' not in page  # no file input for it
    assert f'id="id_doc_{other.pk}"' in page
    assert services.missing_documents(draft) == [other]

    # Only the other paper is uploaded; the step goes on.
    response = logged_in.post(step_url(draft, 3), {f"doc_{other.pk}": [png()], "action": "next"})
    assert response.headers["Location"] == step_url(draft, 4)
    review = logged_in.get(step_url(draft, 4)).content.decode()
    assert "tờ khai điện tử" in review
    assert logged_in.post(step_url(draft, 4), {"action": "submit"}).status_code == 302

    dossier = Dossier.objects.get()
    declared = dossier.documents.get(required_document=declaration)
    assert declared.declared_online
    assert declared.originals == 1
    assert not declared.file
    assert dossier.documents.get(required_document=other).file

    mine = logged_in.get(reverse("portal:dossier", args=[dossier.pk])).content.decode()
    assert f"{declaration.name} (tờ khai điện tử)" in mine

    client.force_login(desk.officer_a)
    staff = client.get(reverse("dossiers:detail", args=[dossier.pk])).content.decode()
    assert "tờ khai điện tử" in staff
    assert 'href="#declaration-heading"' in staff
    assert "Nguyễn Minh Khang" in staff  # the declaration itself, on the same page


def test_without_a_declared_form_the_paper_is_still_asked_for(logged_in, desk):
    online_form(desk.procedure)  # no `declares`: the declaration form is uploaded like any paper
    declaration, other = documents(desk)
    draft = to_papers(logged_in, desk)
    assert f'id="id_doc_{declaration.pk}"' in logged_in.get(step_url(draft, 3)).content.decode()
    response = logged_in.post(step_url(draft, 3), {f"doc_{other.pk}": [png()], "action": "next"})
    assert response.status_code == 400
    assert services.missing_documents(draft) == [declaration]


def test_a_form_declaring_another_paper_leaves_this_one_asked_for(logged_in, desk):
    online_form(desk.procedure, declares="Mẫu TP/HT-2020-KT.1")  # the death registration's form
    declaration, _other = documents(desk)
    draft = to_papers(logged_in, desk)
    assert declaration in services.missing_documents(draft)


def test_the_papers_step_offers_each_papers_blank_form(logged_in, desk):
    """Issue 17: the blank form of a paper (the catalog's template file) is downloadable where the paper is
    asked for, declared online or not."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from motcua.catalog.models import RequiredDocument
    from tests.factories import valid_pdf

    online_form(desk.procedure, declares="Mẫu TP/HT-2020-KS.1")
    declaration, other = documents(desk)
    name = default_storage.save("catalog/forms/to-khai-khai-sinh.pdf", ContentFile(valid_pdf()))
    RequiredDocument.objects.filter(pk=declaration.pk).update(form_template=name)  # published: no save()
    draft = to_papers(logged_in, desk)
    page = logged_in.get(step_url(draft, 3)).content.decode()
    link = reverse("catalog:form_template", args=[declaration.pk])
    assert f'<a href="{link}">Tải mẫu đơn, tờ khai (Mẫu TP/HT-2020-KS.1)</a>' in page
    assert reverse("catalog:form_template", args=[other.pk]) not in page  # no template, no link
    blank = logged_in.get(link)
    assert blank.status_code == 200
    assert b"".join(blank.streaming_content).startswith(b"%PDF")
