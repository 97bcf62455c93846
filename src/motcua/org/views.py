from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import public_agency_tree


def agency_tree(request: HttpRequest) -> HttpResponse:
    """Public directory of agencies in operation, grouped by administrative unit."""
    agencies = list(public_agency_tree())
    units: dict = {}
    for agency in agencies:
        units.setdefault(agency.administrative_unit, []).append(agency)
    groups = sorted(units.items(), key=lambda item: (item[0].level.rank, item[0].name))
    return render(request, "org/agency_tree.html", {"groups": groups})
