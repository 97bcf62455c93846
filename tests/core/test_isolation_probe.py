"""The isolation probe (issue 19): every object route of every app, read from the URL resolver, tried by users
who own nothing.

The demo data is the world (every app brings its own). A new commune is added to the demo province with one
member of staff holding every staff role there, and a new citizen who has filed nothing. For every route that
takes an object (`<int:pk>` and the like), the probe fills in ids of the rows of that route's app and of the
dossiers, and asks:
- GET: the probe users must not get a 2xx where an anonymous visitor is refused, unless the route is public
  by design (listed below with why). A new app's private page that answers them is a leak.
- GET refused: the refusal has the shape of the anonymous visitor's (the API's error body where they got
  one, a page or a redirect elsewhere) and is the very answer the route gives about a record that does not
  exist (same status, same words once the code asked for is set aside): it tells nothing of the record, not
  even that it exists.
- POST: no answer is a 5xx, and no audit event is written about a row that existed before the probe: every
  write that matters leaves one (the project's rule), so a write on someone else's record cannot hide.
Routes under the admin site are left to the admin's own tests (superusers only).
"""

import json
import re
from dataclasses import dataclass
from itertools import islice
from urllib.parse import unquote

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from motcua.core.models import AuditEvent
from motcua.org.models import AdministrativeUnit, Agency, AgencyKind, Role, RoleAssignment
from tests.factories import CitizenFactory, StaffFactory, UnitFactory, level

pytestmark = pytest.mark.django_db

# Routes every staff member (or everybody) may read by design: the reason is the rule that makes them so.
STAFF_WIDE = {
    # The working calendar and the catalog are the same for the whole province.
    "workdays:year_detail",
    "catalog:changes",
    "catalog:detail",
    "catalog:sheet",
    "catalog:form_template",
    ":procedure-detail",
    # Published answers to feedback are public (NĐ 20/2008 Art. 17: publication of the answer).
    "feedback:public_item",
    ":feedback-published-item",
    # FAQ topics are the province's shared headings, owned by no agency: any communication officer keeps them.
    "outreach:faq_topic_edit",
    "outreach:faq_topic_delete",
    # The id is a procedure's (public), and the page starts the citizen's own draft.
    "portal:start",
}

# What a non-id parameter means, by its name: the values the probe tries.
NAMED_VALUES = {
    "action": ["receive", "hand-over", "tiep-nhan", "approve", "publish", "route", "delete"],
    "kind": [],  # filled from core.uploads.download_kinds and the paper kinds (below)
    "fmt": ["xlsx", "pdf"],
    "queue": ["received", "processing", "overdue"],
    "step": ["1", "2"],
    "year": ["2026"],
    "part": ["numerator", "denominator"],
    "format": ["json"],
}


def named_values() -> dict[str, list[str]]:
    from motcua.core.uploads import download_kinds

    kinds = [*download_kinds, "01", "02", "03", "04", "05", "06"]
    return {**NAMED_VALUES, "kind": kinds}


def object_routes() -> list[tuple[str, str, list[str]]]:
    """(name, route regex source, parameter names) for every non-admin route with parameters."""
    found = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                walk(
                    pattern,
                    prefix + pattern.pattern.regex.pattern.lstrip("^"),
                    f"{namespace}:{inner}".strip(":") if inner else namespace,
                )
            elif isinstance(pattern, URLPattern):
                regex = prefix + pattern.pattern.regex.pattern.lstrip("^")
                names = list(re.compile(regex).groupindex)
                if names and namespace != "admin":
                    found.append((f"{namespace}:{pattern.name}", regex, names, pattern.callback.__module__))

    walk(get_resolver(), "", "")
    return found


def app_of(module: str) -> str:
    return module.split(".")[1]


def sample_ids(app_label: str, per_model: int = 3) -> list[str]:
    ids: list[str] = []
    for model in apps.get_app_config(app_label).get_models():
        pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True)[:per_model])
        ids += [str(pk) for pk in pks if isinstance(pk, int)]
    return list(dict.fromkeys(ids))


# An id and a code no row has: the route's answer about nothing, which a refusal must not differ from.
GHOST_ID, GHOST_CODE = "987654321", "9.999999"


def fill(regex: str, names: list[str], ids: list[str], codes: list[str]) -> list[tuple[str, str]]:
    """Concrete paths for a route: ids for the id-like parameters, named values for the others; each with
    its ghost, the same path with ids and codes no row has."""
    paths = []
    named = named_values()
    for n in range(max([len(ids), *(len(named[p]) for p in names if p in named)])):
        values, ghost = {}, {}
        for name in names:
            if name in named:
                values[name] = ghost[name] = named[name][n % len(named[name])]
            elif name == "code":
                values[name], ghost[name] = codes[n % len(codes)], GHOST_CODE
            elif name in ("url", "object_id", "app_label"):
                return []
            else:  # pk, agency_pk, document_pk, procedure_pk, file_pk, document_id, …: an id
                values[name], ghost[name] = ids[(n + names.index(name)) % len(ids)], GHOST_ID
        paths.append((_path(regex, values), _path(regex, ghost)))
    return list(dict.fromkeys(paths))


def _path(regex: str, values: dict[str, str]) -> str:
    path = "/" + re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], regex)
    return re.sub(r"\\(.)", r"\1", path.replace("\\Z", "").rstrip("$").replace("^", ""))


@pytest.fixture
def probe_users(db):
    call_command("load_demo", stdout=None)
    province = AdministrativeUnit.objects.filter(level__code="province").first()
    commune = UnitFactory(name="Xã Thăm Dò", parent=province, level=level("commune"))
    committee = Agency.objects.create(
        code="999.99.99.H99",
        name="UBND Xã Thăm Dò",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        administrative_unit=commune,
    )
    centre = Agency.objects.create(
        code="999.99.98.H99",
        name="Trung tâm PVHCC Xã Thăm Dò",
        kind=AgencyKind.COMMUNE_SERVICE_CENTRE,
        administrative_unit=commune,
        parent=committee,
    )
    staff = StaffFactory(username="thamdo.canbo", full_name="Cán Bộ Thăm Dò")
    for role in Role.values:
        if role != Role.ADMINISTRATOR:
            RoleAssignment.objects.create(user=staff, agency=committee, role=role)
            RoleAssignment.objects.create(user=staff, agency=centre, role=role)
    citizen = CitizenFactory(username="thamdo.congdan", full_name="Công Dân Thăm Dò")
    return {"staff": staff, "citizen": citizen}


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_users_who_own_nothing_read_and_write_nothing_on_any_object_route(probe_users):
    from motcua.catalog.models import Procedure
    from motcua.dossiers.models import Dossier

    routes = object_routes()
    assert len(routes) > 40, "the resolver walk found too few routes"
    dossier_ids = [str(pk) for pk in Dossier.objects.order_by("pk").values_list("pk", flat=True)[:4]]
    codes = list(islice(Procedure.objects.values_list("national_code", flat=True), 2)) + list(
        Dossier.objects.values_list("code", flat=True)[:2]
    )
    before = {label: _max_pk(label) for label in _audited_labels()}
    events_before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    anonymous = client_for(None)
    clients = {name: client_for(user) for name, user in probe_users.items()}
    # Every path is fixed before anything is tried, and every read comes before any write, so that nothing
    # the probe users create themselves (a draft started by a POST) can be taken for someone else's record.
    paths = [
        (name, path, ghost)
        for name, regex, params, module in routes
        for path, ghost in fill(
            regex, params, list(dict.fromkeys(sample_ids(app_of(module)) + dossier_ids))[:12], codes
        )
    ]
    leaks, errors, unlike, tried, refusals = [], [], [], 0, 0
    ghosts: dict[tuple[str, str], Answer] = {}
    for name, path, ghost in paths:
        seen_anonymously = anonymous.get(path)
        refused_to_anonymous = seen_anonymously.status_code >= 300
        for who, client in clients.items():
            tried += 1
            got = client.get(path)
            if got.status_code >= 500:
                errors.append(f"GET {path} as {who}: {got.status_code}")
            elif got.status_code < 300 and refused_to_anonymous and name not in STAFF_WIDE and shows(got):
                leaks.append(f"GET {path} ({name}) as {who}: {got.status_code}")
            elif got.status_code >= 300:
                if (who, ghost) not in ghosts:
                    ghosts[(who, ghost)] = answer(client.get(ghost), ghost)
                refusals += 1
                problem = refusal_problem(seen_anonymously, answer(got, path, ghost), ghosts[(who, ghost)])
                if problem:
                    unlike.append(f"GET {path} ({name}) as {who}: {problem}")
    for _name, path, _ghost in paths:
        for who, client in clients.items():
            posted = client.post(path, {})
            if posted.status_code >= 500:
                errors.append(f"POST {path} as {who}: {posted.status_code}")
    writes = [
        f"{event.action} on {event.target_type} #{event.target_id} by {event.actor_label}"
        for event in AuditEvent.objects.filter(pk__gt=events_before)
        if event.target_id.isdigit() and int(event.target_id) <= before.get(event.target_type, 0)
    ]
    print(f"isolation probe: {len(routes)} routes, {tried} reads ({refusals} refused) and as many writes")
    assert tried > 500, tried
    assert not errors, "\n".join(errors[:40])
    assert not leaks, "\n".join(leaks[:40])
    assert not unlike, f"{len(unlike)} refusals unlike the visitor's or telling the record:\n" + "\n".join(
        unlike[:40]
    )
    assert not writes, "\n".join(writes[:40])


@dataclass(frozen=True)
class Answer:
    """A refusal as a person or a program sees it: the status, whether it is JSON, and what it says (the
    JSON body, the text of the page's <main>, or where a redirect leads) with the path asked for taken out."""

    status: int
    json: bool
    says: str


def answer(response, path: str, ghost: str | None = None) -> Answer:
    """`ghost`: the same route asked about no record; what the answer echoes of the ids and codes asked for
    (a 404 naming the code sent) is written as the ghost's, so only what it says of the record differs."""
    kind = response.get("Content-Type", "")
    if response.status_code in (301, 302, 303, 307, 308):
        says = "→ " + unquote(response["Location"])
    elif kind.startswith("application/json"):
        says = json.dumps(response.json(), sort_keys=True, ensure_ascii=False)
    else:
        page = response.content.decode(errors="replace")
        main = re.search(r"<main\b.*?</main>", page, re.S)
        says = " ".join(re.sub(r"<[^>]+>", " ", main.group(0) if main else page).split())
    says = says.replace(path, "{path}")
    for asked, instead in zip(path.split("/"), (ghost or path).split("/"), strict=False):
        if asked != instead and len(asked) >= 6:  # a code, not a short id that digits elsewhere contain
            says = says.replace(asked, instead)
    return Answer(response.status_code, kind.startswith("application/json"), says)


API_ERROR_KEYS = {"detail", "code", "errors"}


def refusal_problem(anonymously, got: Answer, ghost: Answer) -> str:
    """Why the refusal of a record the actor may not read is wrong, or "": it has the shape of the anonymous
    visitor's refusal (the API's error body where the visitor got one, a page or a redirect elsewhere), and
    it is the answer about a record that does not exist (same status, same words): it tells nothing of the
    record, not even that it exists."""
    if anonymously.get("Content-Type", "").startswith("application/json"):
        if not got.json or not set(json.loads(got.says)) <= API_ERROR_KEYS:
            return f"the visitor got the API's error body, this actor {got.status} {got.says[:80]}"
    elif got.json:
        return f"the visitor got a page, this actor JSON ({got.status})"
    if (got.status, got.says) != (ghost.status, ghost.says):
        return f"{got.status} {got.says[:120]!r}; for no record: {ghost.status} {ghost.says[:120]!r}"
    return ""


def shows(response) -> bool:
    """Whether a 2xx shows anything: a list answered with no rows (a queue of nobody's dossiers) does not."""
    if response.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        if isinstance(body, dict) and "results" in body:
            return bool(body["results"])
    return True


def _audited_labels() -> list[str]:
    return [model._meta.label_lower for model in apps.get_models()]


def _max_pk(label: str) -> int:
    model = apps.get_model(label)
    pk = model._default_manager.order_by("-pk").values_list("pk", flat=True).first()
    return pk if isinstance(pk, int) else 0
