"""Login with a phone number or an e-mail address (citizens); staff keep their usernames (ModelBackend)."""

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from motcua.org.models import User

from .contacts import parse_contact
from .services import citizens_with


class ContactBackend(ModelBackend):
    """Any spelling of the phone number works: spaces, dots, +84 or 84 instead of the leading 0."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        try:
            contact = parse_contact(username)
        except ValidationError:
            return None  # not a phone number or an address: a username, ModelBackend's business
        # Services keep verified contacts unique among citizens; order makes any leftover clash deterministic.
        users = list(citizens_with(contact).order_by("-is_active", "pk")[:2])
        if not users:
            # Same work as a real check, so timing does not tell whether the contact is registered.
            User().set_password(password)
            return None
        for user in users:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        return None
