"""Pages of online submission: start from a procedure, four steps saved as a draft, my drafts, and the
confirmation. Every step works without JavaScript; each POST either saves the draft ("Lưu nháp"),
goes on ("Tiếp tục"), or (step 4) submits."""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import CheckboxInput
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from motcua.catalog.models import OnlineLevel, Procedure, ProcedureVersion
from motcua.dossiers.services import Applicant

from . import selectors, services
from .fields import build_form, display, plain
from .forms import ApplicantForm
from .models import Draft, OnlineForm

STEPS = (
    (1, gettext_lazy("Người nộp hồ sơ")),
    (2, gettext_lazy("Thông tin hồ sơ")),
    (3, gettext_lazy("Giấy tờ kèm theo")),
    (4, gettext_lazy("Xem lại và nộp")),
)
FIELDS_PREFIX = "f"


def citizen_required(view):
    """Logged-in citizens only; an officer gets a page saying why, not a bare 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_citizen:
            return render(
                request,
                "portal/submission/refused.html",
                {"message": services.not_citizen_message()},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapper


@dataclass
class Offer:
    """What a draft is answered against today: the version in force, its online form and fields."""

    version: ProcedureVersion
    online_form: OnlineForm | None
    fields: list[dict]

    @property
    def partial(self) -> bool:
        return self.version.online_level == OnlineLevel.PARTIAL


def _offer(procedure: Procedure) -> Offer | None:
    version = selectors.online_version(procedure)
    if version is None:
        return None
    form = selectors.online_form(procedure)
    return Offer(version, form, selectors.form_fields(form))


def _not_offered(request, procedure: Procedure) -> HttpResponse:
    return render(
        request,
        "portal/submission/refused.html",
        {
            "procedure": procedure,
            "message": _(
                "Thủ tục này chưa được cung cấp trực tuyến. / This procedure is not offered online."
            ),
        },
        status=404,
    )


def _step_url(draft: Draft, step: int) -> str:
    return reverse("portal:step", args=[draft.pk, step])


# ------------------------------------------------------------------------------------------ start


@citizen_required
@require_http_methods(["GET", "POST"])
def start(request, procedure_pk: int):
    procedure = get_object_or_404(
        Procedure.objects.filter(versions__decision__isnull=False).distinct(), pk=procedure_pk
    )
    offer = _offer(procedure)
    if offer is None:
        return _not_offered(request, procedure)
    if request.method == "POST":
        try:
            draft = services.start_draft(actor=request.user, procedure=procedure)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            return redirect(_step_url(draft, 1))
    return render(
        request,
        "portal/submission/start.html",
        {
            "procedure": procedure,
            "offer": offer,
            "documents": selectors.documents_of(offer.version),
            "drafts": selectors.drafts_for(request.user).filter(procedure=procedure),
        },
    )


# ------------------------------------------------------------------------------------------ steps


def _applicant_initial(request, draft: Draft, centres) -> dict:
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


def applicant_form(request, draft: Draft, offer: Offer, data=None) -> ApplicantForm:
    centres = selectors.centres_for(draft.procedure, offer.version)
    return ApplicantForm(
        data,
        initial=None if data is not None else _applicant_initial(request, draft, centres),
        communes=selectors.communes(),
        centres=centres,
    )


def _raw(form, post, prefix: str = "") -> dict:
    """What the citizen typed, field by field (a ticked box as "on"): drafts keep even invalid input."""
    raw = {}
    for name, field in form.fields.items():
        key = f"{prefix}-{name}" if prefix else name
        if isinstance(field.widget, CheckboxInput):
            raw[name] = "on" if post.get(key) else ""
        else:
            raw[name] = post.get(key, "")
    return raw


def _route_errors(form: ApplicantForm, procedure: Procedure) -> None:
    """Ask the dossier routing now whether this centre may receive it, so step 4 has no surprise."""
    data = form.cleaned_data
    try:
        selectors.check_route(procedure, data["centre"], data["applicant_commune"])
    except ValidationError as error:
        form.add_error("centre", error.messages)


def _step_applicant(request, draft: Draft, offer: Offer):
    form = applicant_form(request, draft, offer)
    if request.method == "POST":
        form = applicant_form(request, draft, offer, data=request.POST)
        raw = _raw(form, request.POST)
        go_on = request.POST.get("action") == "next"
        valid = go_on and form.is_valid()
        if valid:
            _route_errors(form, draft.procedure)
            valid = form.is_valid()
        services.save_answers(
            actor=request.user, draft=draft, part="applicant", values=raw, reached=2 if valid else None
        )
        if valid:
            return redirect(_step_url(draft, 2))
        if not go_on:
            messages.success(request, _("Đã lưu nháp."))
            return redirect(_step_url(draft, 1))
    return _render_step(request, draft, offer, 1, {"form": form})


def fields_form(offer: Offer, data=None, initial=None):
    return build_form(offer.fields)(data, initial=initial, prefix=FIELDS_PREFIX)


def _step_fields(request, draft: Draft, offer: Offer):
    form = fields_form(offer, initial=draft.answers.get("fields", {}))
    if request.method == "POST":
        form = fields_form(offer, data=request.POST)
        raw = _raw(form, request.POST, FIELDS_PREFIX)
        go_on = request.POST.get("action") == "next"
        valid = go_on and form.is_valid()
        services.save_answers(
            actor=request.user, draft=draft, part="fields", values=raw, reached=3 if valid else None
        )
        if valid:
            return redirect(_step_url(draft, 3))
        if not go_on:
            messages.success(request, _("Đã lưu nháp."))
            return redirect(_step_url(draft, 2))
    return _render_step(request, draft, offer, 2, {"form": form})


def _store_picks(request, draft: Draft, documents) -> None:
    for document in documents:
        chosen = request.POST.get(f"store_{document.pk}", "")
        if chosen.isdigit():
            stored = selectors.stored_document_for(request.user, int(chosen))
            services.pick_stored(actor=request.user, draft=draft, document_id=document.pk, stored=stored)


def _step_documents(request, draft: Draft, offer: Offer):
    documents = list(selectors.documents_of(offer.version))
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        removing = request.POST.get("remove", "")
        if removing.isdigit():
            services.remove_file(
                actor=request.user, draft_file=selectors.draft_file_for(request.user, draft.pk, int(removing))
            )
            messages.success(request, _("Đã gỡ tệp."))
            return redirect(_step_url(draft, 3))
        uploads = {
            d.pk: request.FILES.getlist(f"doc_{d.pk}")
            for d in documents
            if request.FILES.getlist(f"doc_{d.pk}")
        }
        try:
            with transaction.atomic():
                _store_picks(request, draft, documents)
                if uploads:
                    services.attach_files(actor=request.user, draft=draft, uploads=uploads)
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        else:
            if request.POST.get("action") != "next":
                messages.success(request, _("Đã lưu nháp."))
                return redirect(_step_url(draft, 3))
            missing = services.missing_documents(draft)
            if not missing:
                services.reach_step(actor=request.user, draft=draft, step=4)
                return redirect(_step_url(draft, 4))
            for document in missing:
                errors.setdefault(f"doc_{document.pk}", []).append(
                    _(
                        "Thành phần bắt buộc: hãy tải tệp lên hoặc chọn từ kho dữ liệu. "
                        "/ Mandatory: upload a file or pick one from your document store."
                    )
                )
    files = list(selectors.draft_files(draft))
    stored = list(selectors.stored_for(request.user))
    rows = [
        {
            "document": d,
            "files": [f for f in files if f.required_document_id == d.pk],
            "errors": errors.get(f"doc_{d.pk}", []),
        }
        for d in documents
    ]
    return _render_step(
        request,
        draft,
        offer,
        3,
        {
            "rows": rows,
            "stored": stored,
            "general_errors": errors.get("__all__", []),
            "max_per_document": selectors.max_files_per_document(),
            "max_per_dossier": selectors.max_files_per_dossier(),
            "max_mb": _max_mb(),
        },
        status=400 if errors else 200,
    )


def _max_mb() -> int:
    from motcua.dossiers.uploads import max_bytes

    return max_bytes() // (1024 * 1024)


def _review(request, draft: Draft, offer: Offer) -> dict:
    """Everything validated again (the form or the catalog may have changed since the page was saved)."""
    applicant = applicant_form(request, draft, offer, data=draft.answers.get("applicant", {}))
    answers = fields_form(offer, data=_prefixed(draft.answers.get("fields", {})))
    applicant_ok, answers_ok = applicant.is_valid(), answers.is_valid()
    missing = services.missing_documents(draft)
    problems = []
    if not applicant_ok:
        problems.append((1, _("Thông tin người nộp chưa đầy đủ hoặc chưa đúng.")))
    if not answers_ok:
        problems.append((2, _("Thông tin hồ sơ chưa đầy đủ hoặc chưa đúng.")))
    if missing:
        problems.append(
            (3, _("Thiếu giấy tờ bắt buộc: %(names)s.") % {"names": "; ".join(d.name for d in missing)})
        )
    return {"applicant": applicant, "answers": answers, "problems": problems}


def _prefixed(values: dict) -> dict:
    return {f"{FIELDS_PREFIX}-{k}": v for k, v in values.items() if v not in ("", None)}


def _step_review(request, draft: Draft, offer: Offer):
    review = _review(request, draft, offer)
    if request.method == "POST" and request.POST.get("action") == "submit" and not review["problems"]:
        data, answers = review["applicant"].cleaned_data, review["answers"].cleaned_data
        try:
            dossier = services.submit_draft(
                actor=request.user,
                draft=draft,
                applicant=Applicant(
                    name=data["applicant_name"],
                    id_number=data["applicant_id_number"],
                    phone=data["applicant_phone"],
                    email=data["applicant_email"],
                    address=data["applicant_address"],
                    commune=data["applicant_commune"],
                ),
                centre=data["centre"],
                result_by_post=data["result_by_post"],
                online_form=offer.online_form,
                form_fields=offer.fields,
                answers={k: plain(v) for k, v in answers.items()},
            )
        except ValidationError as error:
            review["problems"].append((None, " ".join(error.messages)))
        else:
            return redirect("portal:submitted", pk=dossier.pk)
    applicant = review["applicant"]
    cleaned = applicant.cleaned_data if applicant.is_valid() else {}
    return _render_step(
        request,
        draft,
        offer,
        4,
        {
            **review,
            "applicant_rows": [
                (applicant.fields[name].label, _shown(cleaned.get(name, applicant.data.get(name, ""))))
                for name in applicant.fields
            ],
            "answer_rows": display(offer.fields, draft.answers.get("fields", {})),
            "files": selectors.draft_files(draft),
        },
        status=400 if review["problems"] and request.method == "POST" else 200,
    )


def _shown(value) -> str:
    if value is True:
        return _("Có")
    if value is False:
        return _("Không")
    return str(value) if value not in (None, "") else "—"


def _render_step(request, draft: Draft, offer: Offer, step: int, context: dict, status: int = 200):
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


@citizen_required
@require_http_methods(["GET", "POST"])
def step(request, pk: int, step: int):
    draft = selectors.draft_for(request.user, pk)
    if step not in dict(STEPS):
        raise Http404
    if step > draft.step:
        return redirect(_step_url(draft, draft.step))
    offer = _offer(draft.procedure)
    if offer is None:
        return _not_offered(request, draft.procedure)
    handler = {1: _step_applicant, 2: _step_fields, 3: _step_documents, 4: _step_review}[step]
    return handler(request, draft, offer)


# ------------------------------------------------------------------------------------------ drafts


@citizen_required
def drafts(request):
    labels = dict(STEPS)
    rows = [(draft, labels[draft.step]) for draft in selectors.drafts_for(request.user)]
    return render(request, "portal/submission/drafts.html", {"rows": rows})


@citizen_required
@require_POST
def draft_delete(request, pk: int):
    draft = selectors.draft_for(request.user, pk)
    services.delete_draft(actor=request.user, draft=draft)
    messages.success(request, _("Đã xóa hồ sơ nháp."))
    return redirect("portal:drafts")


@citizen_required
def draft_file(request, pk: int, file_pk: int):
    row = selectors.draft_file_for(request.user, pk, file_pk)
    source = row.stored.file if row.stored_id else row.file
    name = row.stored.title if row.stored_id else row.original_name
    return private_file(source, name, row.stored.content_type if row.stored_id else row.content_type)


def private_file(source, name: str, content_type: str) -> FileResponse:
    """Stream a private file as an attachment, never cached by shared caches."""
    extension = "." + source.name.rsplit(".", 1)[-1] if "." in source.name else ""
    filename = name if name.lower().endswith(extension.lower()) else f"{name}{extension}"
    response = FileResponse(
        source.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


# ------------------------------------------------------------------------------------------ done


@citizen_required
def submitted(request, pk: int):
    dossier = selectors.my_dossier(request.user, pk)
    return render(request, "portal/submission/submitted.html", {"dossier": dossier})
