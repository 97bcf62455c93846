"""A record's page offers the workflow actions the table gives the actor, each as a small form; posting
one runs the service through `core.errors.run` (refusals on the form or as messages, success flashed).

    ACTIONS: ActionTable = {
        Action.APPROVE: (VersionedForm, lambda request, item, data: services.approve(...)),
        Action.SEND_BACK: (NoteForm, lambda request, item, data: services.send_back(...)),
    }

    def _detail(request, item, failed=None, status=200):       # the page, again with a failed form
        allowed = FEEDBACK.allowed_actions(item.status, rules.roles_on(request.user, item))
        forms = action_forms(FEEDBACK, allowed, ACTIONS, lambda a: _form(a, item), failed)
        ...

    def act(request, pk, action):                                 # POST /…/<pk>/<action>/
        item = selectors.get_for(request.user, pk)
        return post_action(request, item, action, FEEDBACK, ACTIONS,
                           form=lambda: _form(action, item, request.POST),
                           done=lambda: redirect("feedback:item", pk=item.pk), again=_detail)

The table says who may do what; the service checks it again (a page is never the guard).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .errors import run
from .workflow import Workflow

Service = Callable[[HttpRequest, Any, dict[str, Any]], Any]
ActionTable = Mapping[str, tuple[type, Service]]
Failed = tuple[str, Any] | None


def done_message(workflow: Workflow, action: str) -> str:
    """What the officer is told after the action went through."""
    return _("Đã thực hiện: %(action)s.") % {"action": workflow.action_label(action)}


def action_forms(
    workflow: Workflow,
    allowed: Iterable[str],
    actions: ActionTable,
    make_form: Callable[[str], Any],
    failed: Failed = None,
    *,
    label: Callable[[str], str] | None = None,
) -> list[tuple[str, str, Any]]:
    """(action, label, form) for each allowed action the page has a form for, in table order; the form
    that just failed keeps its data and errors."""
    name = label or workflow.action_label
    return [
        (a, name(a), failed[1] if failed and failed[0] == a else make_form(a))
        for a in allowed
        if a in actions
    ]


def post_action(
    request: HttpRequest,
    item: models.Model,
    action: str,
    workflow: Workflow,
    actions: ActionTable,
    *,
    form: Callable[[], Any],
    done: Callable[[], HttpResponse],
    again: Callable[..., HttpResponse],
) -> HttpResponse:
    """One posted action: 404 for one the page has no form for; the service with the form's data; on
    success `done()` (a redirect), else the page again (`again(request, item, failed=…, status=400)`)
    with the refused form and the record as it is now."""
    if action not in actions:
        raise Http404
    bound = form()
    if bound.is_valid():
        service = actions[action][1]
        result = run(
            request,
            lambda: service(request, item, bound.cleaned_data),
            form=bound,
            success=done_message(workflow, action),
        )
        if result is not None:
            return done()
    item.refresh_from_db()
    return again(request, item, failed=(action, bound), status=400)
