"""How an identity vouched for by the provider becomes a citizen account (the OIDC plugin's resolver)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from motcua.accounts.models import CitizenProfile, IdentityLink
from motcua.accounts.services import sign_in_with_identity
from motcua.integrations.identity import Identity, identity_from_claims

pytestmark = pytest.mark.django_db


def test_a_citizen_who_registered_by_phone_is_linked_not_duplicated(client, citizen):
    user = sign_in_with_identity(
        identity=Identity(provider="vneid", subject="s-1", full_name="Nguyễn Thị Lan", phone="+84912345678")
    )
    assert user == citizen
    assert IdentityLink.objects.get().user == citizen
    assert CitizenProfile.objects.get(user=citizen).identity_verified


def test_an_odd_id_number_claim_is_dropped_not_fatal():
    user = sign_in_with_identity(
        identity=Identity(provider="vneid", subject="s-2", full_name="A", id_number="123")
    )
    assert CitizenProfile.objects.get(user=user).id_number == ""


def test_a_verified_id_number_belongs_to_one_account():
    sign_in_with_identity(
        identity=Identity(provider="vneid", subject="s-3", full_name="A", id_number="001190012345")
    )
    with pytest.raises(ValidationError):
        sign_in_with_identity(
            identity=Identity(provider="vneid", subject="s-4", full_name="B", id_number="001190012345")
        )
    assert IdentityLink.objects.count() == 1


def test_claim_names_are_settings(settings):
    settings.MOTCUA_OIDC_CLAIMS = {"id_number": "so_dinh_danh", "phone": "sdt"}
    identity = identity_from_claims(
        {
            "sub": 7,
            "name": "Lan",
            "so_dinh_danh": "001190012345",
            "sdt": "0912345678",
            "birthdate": "1990-05-17",
        }
    )
    assert identity.subject == "7"
    assert identity.id_number == "001190012345"
    assert identity.phone == "0912345678"
    assert identity.date_of_birth == date(1990, 5, 17)
    assert identity_from_claims({"sub": "x", "birthdate": "17/05/1990"}).date_of_birth is None


def test_name_parts_are_joined_family_name_first():
    identity = identity_from_claims(
        {"sub": "9", "given_name": "Mai", "family_name": "Đỗ", "middle_name": "Thị"}
    )
    assert identity.full_name == "Đỗ Thị Mai"
    whole = identity_from_claims({"sub": "9", "name": " Đỗ  Thị Mai ", "given_name": "Mai"})
    assert whole.full_name == "Đỗ Thị Mai"
