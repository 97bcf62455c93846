"""Who records communication activities (the staff of the agency that carried them out) and who writes the
public Q&A (communication officers and administrators, for the agencies they see)."""

import rules

from motcua.control.rules import can_use_control_admin, works_at
from motcua.org.models import Role
from motcua.org.rules import can_manage_organisation

rules.add_perm("outreach.record_for", works_at)
rules.add_perm("outreach", can_use_control_admin)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"outreach.{action}_communicationactivity", can_use_control_admin)

# The public Q&A is written by communication officers (and administrators) for the agencies they see;
# topics are shared headings, so any of them may keep the list of topics tidy.
FAQ_ROLES = (Role.COMMUNICATION_OFFICER, Role.ADMINISTRATOR)


@rules.predicate
def writes_faq(user) -> bool:
    from motcua.org.selectors import active_roles

    return active_roles(user).filter(role__in=FAQ_ROLES).exists()


@rules.predicate
def faq_agency_in_scope(user, agency) -> bool:
    from motcua.org.selectors import visible_agencies

    return agency is not None and visible_agencies(user).filter(pk=agency.pk).exists()


can_write_faq = rules.is_superuser | writes_faq
rules.add_perm("outreach.write_faq", can_write_faq)
rules.add_perm("outreach.manage_faq_for", rules.is_superuser | (writes_faq & faq_agency_in_scope))
rules.add_perm("outreach.manage_faq_topics", can_write_faq)
for model in ("faq", "faqtopic"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"outreach.{action}_{model}", can_manage_organisation)
for model in ("questionlimit", "articlecategory", "bulletinissue"):
    for action in ("view", "add", "change"):
        rules.add_perm(f"outreach.{action}_{model}", can_manage_organisation)
rules.add_perm("outreach.view_question", can_manage_organisation)
rules.add_perm("outreach.view_article", can_manage_organisation)

# Training courses are organised by the same communication officers (and administrators), for the
# agencies they see; an official reads his own attendance and certificate.
rules.add_perm("outreach.manage_training", can_write_faq)
rules.add_perm("outreach.manage_training_for", rules.is_superuser | (writes_faq & faq_agency_in_scope))
