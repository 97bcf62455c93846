"""The four steps of online submission, each a page saved as a draft: the applicant, the procedure's own
fields, the papers (uploaded or picked from the store), and the review that submits. Every step works
without JavaScript; each POST either saves the draft ("Lưu nháp"), goes on ("Tiếp tục"), or (step 4)
submits. `views_submission.step` picks the handler."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms import CheckboxInput, Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from motcua.catalog.models import Channel
from motcua.core.errors import message_of, service_errors
from motcua.core.uploads import DOSSIER_DOCUMENT, MB
from motcua.dossiers.services import Applicant
from motcua.org.models import Agency

from . import selectors, services
from .fields import build_form, display, plain
from .forms import ApplicantForm, CaseForm
from .models import Draft
from .selectors import Offer

STEPS = (
    (1, gettext_lazy("Người nộp hồ sơ")),
    (2, gettext_lazy("Thông tin hồ sơ")),
    (3, gettext_lazy("Giấy tờ kèm theo")),
    (4, gettext_lazy("Xem lại và nộp")),
)
FIELDS_PREFIX = "f"
CASE_PREFIX = "c"
# The applicant page's fields are named after the dossier's Applicant: applicant_<name>.
APPLICANT_FIELDS = ("name", "id_number", "phone", "email", "address", "commune")


def step_url(draft: Draft, step: int) -> str:
    return reverse("portal:step", args=[draft.pk, step])


def _saved(request: HttpRequest, draft: Draft, step: int) -> HttpResponse:
    messages.success(request, _("Đã lưu nháp."))
    return redirect(step_url(draft, step))


def _render_step(
    request: HttpRequest, draft: Draft, offer: Offer, step: int, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(
        request,
        f"portal/submission/step{step}.html",
        {
            "draft": draft,
            "offer": offer,
            "step": step,
            "steps": STEPS,
            "step_label": dict(STEPS)[step],
            **context,
        },
        status=status,
    )


def _raw(form: Form, post: QueryDict | dict[str, Any], prefix: str = "") -> dict[str, str]:
    """What the citizen typed, field by field (a ticked box as "on"): drafts keep even invalid input."""
    raw = {}
    for name, field in form.fields.items():
        key = f"{prefix}-{name}" if prefix else name
        if isinstance(field.widget, CheckboxInput):
            raw[name] = "on" if post.get(key) else ""
        else:
            raw[name] = post.get(key, "")
    return raw


# ------------------------------------------------------------------------------------- 1. applicant


def _applicant_initial(request: HttpRequest, draft: Draft, centres: QuerySet[Agency]) -> dict[str, Any]:
    saved = draft.answers.get("applicant")
    if saved:
        return saved
    user = request.user
    profile = selectors.applicant_profile(user)
    # Contacts may live on the account or on the profile, depending on how the citizen registered.
    initial = {
        "applicant_name": getattr(profile, "full_name", "") or user.get_full_name(),
        "applicant_id_number": getattr(profile, "id_number", ""),
        "applicant_phone": str(getattr(profile, "phone", "") or getattr(user, "phone", "") or ""),
        "applicant_email": getattr(profile, "email", "") or user.email,
        "applicant_address": getattr(profile, "address", ""),
        "applicant_commune": getattr(profile, "commune_id", None),
    }
    commune = initial.get("applicant_commune")
    local = centres.filter(administrative_unit_id=commune).first() if commune else None
    if local is not None:
        initial["centre"] = local.pk
    return initial


def applicant_form(
    request: HttpRequest, draft: Draft, offer: Offer, data: QueryDict | dict[str, Any] | None = None
) -> ApplicantForm:
    centres = selectors.centres_for(draft.procedure, offer.version)
    return ApplicantForm(
        data,
        initial=None if data is not None else _applicant_initial(request, draft, centres),
        communes=selectors.communes(),
        centres=centres,
    )


def _answer_page(
    request: HttpRequest,
    draft: Draft,
    offer: Offer,
    *,
    step: int,
    part: str,
    form: Form,
    prefix: str = "",
    check: Callable[[Form], bool] | None = None,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """A page of answers, posted: kept as typed whatever the button; "Tiếp tục" goes on when the page is
    valid (and passes `check`), "Lưu nháp" stays."""
    go_on = request.POST.get("action") == "next"
    valid = go_on and form.is_valid() and (check is None or check(form))
    services.save_answers(
        actor=request.user,
        draft=draft,
        part=part,
        values=_raw(form, request.POST, prefix),
        reached=step + 1 if valid else None,
    )
    if valid:
        return redirect(step_url(draft, step + 1))
    if not go_on:
        return _saved(request, draft, step)
    return _render_step(request, draft, offer, step, {"form": form, **(context or {})})


def _routable(draft: Draft) -> Callable[[Form], bool]:
    """Ask the dossier routing now whether this centre may receive it, so step 4 has no surprise."""

    def check(form: Form) -> bool:
        data = form.cleaned_data
        with service_errors(form, field="centre") as outcome:
            selectors.check_route(draft.procedure, data["centre"], data["applicant_commune"])
        return outcome.ok

    return check


def step_applicant(request: HttpRequest, draft: Draft, offer: Offer) -> HttpResponse:
    if request.method == "POST":
        form = applicant_form(request, draft, offer, data=request.POST)
        return _answer_page(
            request, draft, offer, step=1, part="applicant", form=form, check=_routable(draft)
        )
    return _render_step(request, draft, offer, 1, {"form": applicant_form(request, draft, offer)})


# ---------------------------------------------------------------------------------------- 2. fields


def fields_form(
    offer: Offer, data: QueryDict | dict[str, Any] | None = None, initial: dict[str, Any] | None = None
) -> Form:
    return build_form(offer.fields)(data, initial=initial, prefix=FIELDS_PREFIX)


def case_form(
    offer: Offer, data: QueryDict | dict[str, Any] | None = None, initial: dict[str, Any] | None = None
) -> CaseForm | None:
    """The online channel's time-limit cases and fee rows to choose from; None when it has neither."""
    channel = offer.version.channels.filter(channel=Channel.ONLINE).first()
    form = CaseForm(data, initial=initial, prefix=CASE_PREFIX, channel=channel)
    return form if form.fields else None


def _prefixed_case(values: dict[str, Any]) -> dict[str, Any]:
    return {f"{CASE_PREFIX}-{k}": v for k, v in values.items() if v not in ("", None)}


def step_fields(request: HttpRequest, draft: Draft, offer: Offer) -> HttpResponse:
    if request.method == "POST":
        form = fields_form(offer, data=request.POST)
        case = case_form(offer, data=request.POST)
        if case is not None:  # kept as ticked whatever the button, like the page's answers
            services.save_answers(
                actor=request.user, draft=draft, part="case", values=_raw(case, request.POST, CASE_PREFIX)
            )
        return _answer_page(
            request,
            draft,
            offer,
            step=2,
            part="fields",
            form=form,
            prefix=FIELDS_PREFIX,
            check=lambda _form: case is None or case.is_valid(),
            context={"case_form": case},
        )
    form = fields_form(offer, initial=draft.answers.get("fields", {}))
    case = case_form(offer, initial=draft.answers.get("case") or None)
    context = {"form": form, "case_form": case, "blank_forms": _blank_forms(offer)}
    return _render_step(request, draft, offer, 2, context)


def _blank_forms(offer: Offer) -> list[Any]:
    """The procedure's papers that come with a blank form to download, offered on the form step too."""
    return [d for d in selectors.documents_of(offer.version) if d.form_template]


# ------------------------------------------------------------------------------------- 3. documents


def _store_picks(request: HttpRequest, draft: Draft, documents: list[Any]) -> dict[str, list[str]]:
    """Each paper picked from the store is its own action: one refused never undoes another."""
    errors: dict[str, list[str]] = {}
    for document in documents:
        chosen = request.POST.get(f"store_{document.pk}", "")
        if not chosen.isdigit():
            continue
        stored = selectors.stored_document_for(request.user, int(chosen))
        try:
            services.pick_stored(actor=request.user, draft=draft, document_id=document.pk, stored=stored)
        except ValidationError as error:
            problems = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            for key, messages_ in problems.items():
                errors.setdefault(key, []).extend(messages_)
    return errors


def _attach(request: HttpRequest, draft: Draft, documents: list[Any]) -> dict[str, list[str]]:
    """Store the papers picked and the files uploaded that pass; the problems of the others keyed
    `doc_<id>` or `__all__` (the valid files sent beside a refused one are kept, issue 17)."""
    errors = _store_picks(request, draft, documents)
    uploads = {d.pk: request.FILES.getlist(f"doc_{d.pk}") for d in documents}
    uploads = {pk: files for pk, files in uploads.items() if files}
    if uploads:
        attached = services.attach_files(actor=request.user, draft=draft, uploads=uploads)
        for key, messages_ in attached.errors.items():
            errors.setdefault(key, []).extend(messages_)
        if attached.rows and attached.errors:
            messages.info(
                request,
                ngettext(
                    "Đã lưu %(n)s tệp hợp lệ; hãy xem các tệp bị từ chối bên dưới.",
                    "Đã lưu %(n)s tệp hợp lệ; hãy xem các tệp bị từ chối bên dưới.",
                    len(attached.rows),
                )
                % {"n": len(attached.rows)},
            )
    return errors


def _missing_errors(draft: Draft) -> dict[str, list[str]]:
    message = _(
        "Thành phần bắt buộc: hãy tải tệp lên hoặc chọn từ kho dữ liệu. "
        "/ Mandatory: upload a file or pick one from your document store."
    )
    return {f"doc_{document.pk}": [message] for document in services.missing_documents(draft)}


def step_documents(request: HttpRequest, draft: Draft, offer: Offer) -> HttpResponse:
    documents = list(selectors.documents_of(offer.version))
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        removing = request.POST.get("remove", "")
        if removing.isdigit():
            row = selectors.draft_file_for(request.user, draft.pk, int(removing))
            services.remove_file(actor=request.user, draft_file=row)
            messages.success(request, _("Đã gỡ tệp."))
            return redirect(step_url(draft, 3))
        errors = _attach(request, draft, documents)
        if not errors:
            if request.POST.get("action") != "next":
                return _saved(request, draft, 3)
            errors = _missing_errors(draft)
            if not errors:
                services.reach_step(actor=request.user, draft=draft, step=4)
                return redirect(step_url(draft, 4))
    files = list(selectors.draft_files(draft))
    declared = _declared(draft, offer)
    rows = [
        {
            "document": d,
            "files": [f for f in files if f.required_document_id == d.pk],
            "errors": errors.get(f"doc_{d.pk}", []),
            "declared": d.pk in declared,
        }
        for d in documents
    ]
    context = {
        "rows": rows,
        "stored": list(selectors.stored_for(request.user)),
        "general_errors": errors.get("__all__", []),
        "max_per_document": selectors.max_files_per_document(),
        "max_per_dossier": selectors.max_files_per_dossier(),
        "max_mb": DOSSIER_DOCUMENT.limit() // MB,
    }
    return _render_step(request, draft, offer, 3, context, status=400 if errors else 200)


# ---------------------------------------------------------------------------------------- 4. review


def _declared(draft: Draft, offer: Offer) -> set[int]:
    return services.declared_documents(draft, offer.online_form)


def _prefixed(values: dict[str, Any]) -> dict[str, Any]:
    return {f"{FIELDS_PREFIX}-{k}": v for k, v in values.items() if v not in ("", None)}


def _review(request: HttpRequest, draft: Draft, offer: Offer) -> dict[str, Any]:
    """Everything validated again (the form or the catalog may have changed since the page was saved)."""
    applicant = applicant_form(request, draft, offer, data=draft.answers.get("applicant", {}))
    answers = fields_form(offer, data=_prefixed(draft.answers.get("fields", {})))
    applicant_ok, answers_ok = applicant.is_valid(), answers.is_valid()
    case = case_form(offer, data=_prefixed_case(draft.answers.get("case", {})))
    case_ok = case is None or case.is_valid()
    missing = services.missing_documents(draft, offer.online_form)
    problems: list[tuple[int | None, str]] = []
    if not applicant_ok:
        problems.append((1, _("Thông tin người nộp chưa đầy đủ hoặc chưa đúng.")))
    if not answers_ok:
        problems.append((2, _("Thông tin hồ sơ chưa đầy đủ hoặc chưa đúng.")))
    if not case_ok:
        problems.append((2, _("Trường hợp về thời hạn hoặc phí, lệ phí chưa đúng.")))
    if missing:
        problems.append(
            (3, _("Thiếu giấy tờ bắt buộc: %(names)s.") % {"names": "; ".join(d.name for d in missing)})
        )
    return {"applicant": applicant, "answers": answers, "case": case, "problems": problems}


def _shown(value: Any) -> str:
    if value is True:
        return _("Có")
    if value is False:
        return _("Không")
    return str(value) if value not in (None, "") else "—"


def _submit(request: HttpRequest, draft: Draft, offer: Offer, review: dict[str, Any]) -> HttpResponse | None:
    """Submit the reviewed draft: the confirmation page, or None with the refusal added to the problems."""
    data, answers = review["applicant"].cleaned_data, review["answers"].cleaned_data
    applicant = Applicant(**{name: data[f"applicant_{name}"] for name in APPLICANT_FIELDS})
    try:
        dossier = services.submit_draft(
            actor=request.user,
            draft=draft,
            applicant=applicant,
            centre=data["centre"],
            result_by_post=data["result_by_post"],
            online_form=offer.online_form,
            form_fields=offer.fields,
            answers={k: plain(v) for k, v in answers.items()},
            **_case_choice(review["case"]),
        )
    except ValidationError as error:  # listed among the review's problems, each with its step
        review["problems"].append((None, message_of(error)))
        return None
    return redirect("portal:submitted", pk=dossier.pk)


def _case_choice(case: CaseForm | None) -> dict[str, Any]:
    if case is None:
        return {}
    return {"limit_case": case.cleaned_data.get("limit_case"), "fees": case.chosen_fees()}


def _case_rows(case: CaseForm | None) -> list[tuple[str, str]]:
    """What the review shows of the choice: the case of the time limit and each fee row ticked."""
    if case is None or not case.is_valid():
        return []
    rows = []
    if "limit_case" in case.fields:
        chosen = case.cleaned_data.get("limit_case")
        field = case.fields["limit_case"]
        rows.append(
            (str(field.label), field.label_from_instance(chosen) if chosen else str(field.empty_label))
        )
    for choice in case.chosen_fees():
        quantity = f" × {choice.quantity}" if choice.quantity != 1 else ""
        rows.append((str(_("Phí, lệ phí")), case.fields[f"fee_{choice.item.pk}"].label + quantity))
    return rows


def step_review(request: HttpRequest, draft: Draft, offer: Offer) -> HttpResponse:
    review = _review(request, draft, offer)
    if request.method == "POST" and request.POST.get("action") == "submit" and not review["problems"]:
        done = _submit(request, draft, offer, review)
        if done is not None:
            return done
    applicant = review["applicant"]
    cleaned = applicant.cleaned_data if applicant.is_valid() else {}
    context = {
        **review,
        "applicant_rows": [
            (applicant.fields[name].label, _shown(cleaned.get(name, applicant.data.get(name, ""))))
            for name in applicant.fields
        ],
        "answer_rows": display(offer.fields, draft.answers.get("fields", {})) + _case_rows(review["case"]),
        "files": selectors.draft_files(draft),
        "declared": [d for d in selectors.documents_of(offer.version) if d.pk in _declared(draft, offer)],
    }
    status = 400 if review["problems"] and request.method == "POST" else 200
    return _render_step(request, draft, offer, 4, context, status=status)


HANDLERS = {1: step_applicant, 2: step_fields, 3: step_documents, 4: step_review}
