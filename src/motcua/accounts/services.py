"""Writes to citizen and business accounts: register, verify, reset a password, edit the profile, change a
contact, sign in through an identity provider. Each is audited; codes and passwords never enter the audit."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.access import require_citizen
from motcua.core.audited import audited_save
from motcua.integrations.identity import Identity
from motcua.integrations.models import Channel
from motcua.org.models import AccountType, User

from . import verification as codes
from .contacts import Contact, normalize_email, normalize_phone
from .models import AccountKind, CitizenProfile, IdentityLink, Purpose, VerificationCode
from .validators import validate_id_number, validate_id_number_birth

logger = logging.getLogger(__name__)

# What a citizen edits on the profile page, in the page's order; contacts change only through a new code.
PROFILE_FIELDS = (
    "kind",
    "full_name",
    "id_number",
    "date_of_birth",
    "business_name",
    "tax_code",
    "address",
    "province",
    "commune",
)
# What an identity provider vouched for is not the citizen's to edit afterwards.
PROVIDER_VOUCHED = frozenset({"full_name", "id_number", "date_of_birth"})


def contact_taken_error() -> ValidationError:
    # One message whether the contact is someone's login or merely pending: say as little as possible.
    return ValidationError(
        _(
            "Không dùng được số điện thoại hoặc thư điện tử này. Nếu bạn đã có tài khoản, hãy đăng nhập "
            "hoặc dùng chức năng quên mật khẩu. / This phone number or e-mail address cannot be used. If you "
            "already have an account, log in or use “forgot password”."
        ),
        code="contact_taken",
    )


def citizens_with(contact: Contact) -> QuerySet[User]:
    users = User.objects.filter(account_type=AccountType.CITIZEN)
    if contact.is_phone:
        return users.filter(phone=contact.value)
    return users.filter(email__iexact=contact.value)


def _is_pending(user: User) -> bool:
    """Registered but never verified: the contact may be claimed again (nobody can squat a number)."""
    profile = CitizenProfile.objects.filter(user=user).first()
    return not user.is_active and (profile is None or profile.verified_at is None)


def _check_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError(
            [
                ValidationError(
                    _("Mật khẩu chưa đủ mạnh. / The password is too weak."),
                    code="weak_password",
                ),
                *error.error_list,
            ]
        ) from None


def _require_citizen(actor: User) -> None:
    require_citizen(actor, _("Chỉ dành cho tài khoản công dân, doanh nghiệp. / For citizen accounts only."))


def _new_username() -> str:
    # Contacts change; the username is an opaque, stable key nobody needs to type.
    return f"cd-{secrets.token_hex(5)}"


def _apply_contact(user: User, contact: Contact) -> None:
    if contact.is_phone:
        user.phone = contact.value
    else:
        user.email = contact.value


@transaction.atomic
def register_account(
    *,
    contact: Contact,
    full_name: str,
    password: str,
    kind: str = AccountKind.CITIZEN,
    business_name: str = "",
) -> VerificationCode:
    """Create an inactive citizen account and send a code to its phone or address."""
    full_name = " ".join(full_name.split())
    existing = list(citizens_with(contact).select_for_update())
    if any(not _is_pending(user) for user in existing):
        raise ValidationError({"contact": contact_taken_error()})
    if kind == AccountKind.BUSINESS and not business_name.strip():
        raise ValidationError(
            {
                "business_name": _(
                    "Vui lòng nhập tên doanh nghiệp, tổ chức. / Please enter the name of the business."
                )
            }
        )
    user = existing[0] if existing else User(username=_new_username(), account_type=AccountType.CITIZEN)
    user.full_name = full_name[:150]
    user.is_active = False
    _apply_contact(user, contact)
    try:
        _check_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None
    user.set_password(password)
    user.full_clean()
    user.save()
    profile = CitizenProfile.objects.filter(user=user).first() or CitizenProfile(user=user)
    profile.kind = kind
    profile.full_name = full_name
    profile.business_name = business_name.strip() if kind == AccountKind.BUSINESS else ""
    audited_save(profile, actor=user, action="account.register")
    try:
        return codes.issue(user=user, purpose=Purpose.REGISTER, contact=contact)
    except codes.CodeError as error:  # a code went to this contact a moment ago
        raise ValidationError({"contact": error.error_list}) from None


def confirm_registration(*, verification: VerificationCode, code: str) -> User:
    """The right code activates the account (the view then logs the citizen in)."""
    if verification.purpose != Purpose.REGISTER:
        raise PermissionDenied
    codes.consume(verification=verification, code=code)
    return _activate(verification)


@transaction.atomic
def _activate(verification: VerificationCode) -> User:
    user = User.objects.select_for_update().get(pk=verification.user_id)
    contact = Contact(verification.channel, verification.destination)
    if citizens_with(contact).exclude(pk=user.pk).filter(is_active=True).exists():
        raise contact_taken_error()
    before = audit.snapshot(user, fields=["is_active", "phone", "email"])
    user.is_active = True
    _apply_contact(user, contact)
    user.save(update_fields=["is_active", "phone", "email"])
    profile, _created = CitizenProfile.objects.get_or_create(
        user=user, defaults={"full_name": user.full_name}
    )
    profile.verified_at = timezone.now()
    profile.save(update_fields=["verified_at", "updated_at"])
    audit.record(actor=user, action="account.verify", target=user, before=before)
    return user


def resend_code(*, verification: VerificationCode) -> VerificationCode:
    """A new code for the same purpose and destination (throttled)."""
    with transaction.atomic():
        return codes.resend(verification=verification)


@transaction.atomic
def request_password_reset(*, contact: Contact) -> VerificationCode | None:
    """Send a reset code when an active citizen account has this contact; None otherwise.

    The caller shows the same page either way, so nobody learns whether an account exists.
    """
    user = citizens_with(contact).filter(is_active=True).first()
    if user is None:
        return None
    try:
        return codes.issue(user=user, purpose=Purpose.PASSWORD_RESET, contact=contact)
    except codes.CodeError:
        # Throttled: the code sent a moment ago still works, and the page must not differ.
        return (
            VerificationCode.objects.filter(
                user=user, purpose=Purpose.PASSWORD_RESET, used_at__isnull=True, expires_at__gt=timezone.now()
            )
            .order_by("-created_at")
            .first()
        )


def confirm_password_reset_code(*, verification: VerificationCode, code: str) -> VerificationCode:
    if verification.purpose != Purpose.PASSWORD_RESET:
        raise PermissionDenied
    return codes.consume(verification=verification, code=code)


@transaction.atomic
def reset_password(*, verification: VerificationCode, password: str) -> User:
    """Set a new password after the code was accepted, within the code's lifetime."""
    verification = VerificationCode.objects.select_for_update().get(pk=verification.pk)
    window = timedelta(minutes=codes.limit("ttl_minutes"))
    if (
        verification.purpose != Purpose.PASSWORD_RESET
        or verification.used_at is None
        or verification.used_at < timezone.now() - window
    ):
        raise codes.CodeError(
            _("Mã đã hết hạn. Vui lòng yêu cầu mã mới. / The code has expired. Please ask for a new one."),
            code="expired",
        )
    user = verification.user
    _check_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    # The code opened one password change, not several.
    verification.used_at = timezone.now() - window - timedelta(seconds=1)
    verification.save(update_fields=["used_at"])
    audit.record(actor=user, action="account.password_reset", target=user, changes={})
    return user


@transaction.atomic
def ensure_profile(*, actor: User) -> CitizenProfile:
    """The citizen's profile, created empty for accounts made before profiles existed (or in the admin)."""
    _require_citizen(actor)
    profile = CitizenProfile.objects.filter(user=actor).first()
    if profile is not None:
        return profile
    profile = CitizenProfile(user=actor, full_name=actor.get_full_name() or actor.get_username())
    return audited_save(profile, actor=actor, action="profile.create")


def _check_address(profile: CitizenProfile) -> None:
    from .selectors import communes, provinces

    errors = {}
    if profile.province_id and not provinces().filter(pk=profile.province_id).exists():
        errors["province"] = _("Tỉnh, thành phố không còn hiệu lực. / This province is no longer in force.")
    if profile.commune_id:
        if not profile.province_id:
            errors["commune"] = _("Vui lòng chọn tỉnh, thành phố trước. / Please choose the province first.")
        elif not communes(profile.province).filter(pk=profile.commune_id).exists():
            errors["commune"] = _(
                "Xã, phường không thuộc tỉnh, thành phố đã chọn. "
                "/ The commune does not belong to the chosen province."
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def update_profile(*, actor: User, profile: CitizenProfile, **changes: Any) -> CitizenProfile:
    """Edit the citizen's own profile; contacts change through `request_contact_change`."""
    _require_citizen(actor)
    if profile.user_id != actor.pk:
        raise PermissionDenied
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Không sửa được: %(f)s / Not editable: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    profile = CitizenProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.identity_verified:
        locked = {f for f in PROVIDER_VOUCHED & set(changes) if changes[f] != getattr(profile, f)}
        if locked:
            raise ValidationError(
                _(
                    "Họ tên, số CCCD và ngày sinh đã được xác thực qua định danh điện tử, không sửa được. "
                    "/ Name, ID number and date of birth were verified by the electronic identity and cannot "
                    "be changed."
                )
            )
    for field, value in changes.items():
        setattr(profile, field, value.strip() if isinstance(value, str) else value)
    if profile.kind != AccountKind.BUSINESS:
        profile.business_name = ""
        profile.tax_code = ""
    elif not profile.business_name:
        raise ValidationError(
            {
                "business_name": _(
                    "Vui lòng nhập tên doanh nghiệp, tổ chức. / Please enter the name of the business."
                )
            }
        )
    try:
        validate_id_number_birth(profile.id_number, profile.date_of_birth)
    except ValidationError as error:
        raise ValidationError({"id_number": error.error_list}) from None
    _check_address(profile)
    audited_save(profile, actor=actor, action="profile.update")
    if actor.full_name != profile.full_name[:150]:
        actor.full_name = profile.full_name[:150]
        actor.save(update_fields=["full_name"])
    return profile


@transaction.atomic
def request_contact_change(*, actor: User, contact: Contact) -> VerificationCode:
    """Send a code to a new phone or address; the account keeps the old one until the code is entered."""
    _require_citizen(actor)
    current = actor.phone if contact.is_phone else normalize_email(actor.email)
    if contact.value == current:
        raise ValidationError(
            _("Đây đã là thông tin liên hệ của bạn. / This is already your contact."), code="unchanged"
        )
    if citizens_with(contact).exclude(pk=actor.pk).filter(is_active=True).exists():
        raise contact_taken_error()
    return codes.issue(user=actor, purpose=Purpose.CONTACT_CHANGE, contact=contact)


def confirm_contact_change(*, actor: User, verification: VerificationCode, code: str) -> User:
    _require_citizen(actor)
    if verification.purpose != Purpose.CONTACT_CHANGE or verification.user_id != actor.pk:
        raise PermissionDenied
    codes.consume(verification=verification, code=code)
    return _change_contact(actor, verification)


@transaction.atomic
def _change_contact(actor: User, verification: VerificationCode) -> User:
    contact = Contact(verification.channel, verification.destination)
    if citizens_with(contact).exclude(pk=actor.pk).filter(is_active=True).exists():
        raise contact_taken_error()
    user = User.objects.select_for_update().get(pk=actor.pk)
    before = audit.snapshot(user, fields=["phone", "email"])
    _apply_contact(user, contact)
    user.save(update_fields=["phone", "email"])
    audit.record(
        actor=user,
        action="account.contact_change",
        target=user,
        before=before,
        after=audit.snapshot(user, fields=["phone", "email"]),
    )
    return user


def _contact_match(identity: Identity) -> User | None:
    """An active citizen account whose verified phone or address the provider also vouches for."""
    candidates = []
    phone = normalize_phone(identity.phone)
    if phone:
        candidates += list(citizens_with(Contact(Channel.SMS, phone)).filter(is_active=True))
    if identity.email:
        candidates += list(
            citizens_with(Contact(Channel.EMAIL, normalize_email(identity.email))).filter(is_active=True)
        )
    unique = {user.pk: user for user in candidates}
    return next(iter(unique.values())) if len(unique) == 1 else None


@transaction.atomic
def sign_in_with_identity(*, identity: Identity) -> User | None:
    """The account for a person an identity provider vouched for: linked before, matched by a verified
    contact, or created; its profile is marked identity-verified and takes the provider's data."""
    link = (
        IdentityLink.objects.select_for_update()
        .select_related("user")
        .filter(provider=identity.provider, subject=identity.subject)
        .first()
    )
    if link is not None:
        user = link.user
        if not user.is_active:
            return None
        action = "identity.sign_in"
    else:
        action = "identity.link"
        matched = _contact_match(identity)
        if matched is None:
            matched = _create_from_identity(identity)
            action = "identity.create"
        user = matched
        link = IdentityLink.objects.create(user=user, provider=identity.provider, subject=identity.subject)
    link.last_login_at = timezone.now()
    link.save(update_fields=["last_login_at"])
    profile = CitizenProfile.objects.filter(user=user).first() or CitizenProfile(
        user=user, full_name=user.get_full_name() or user.get_username()
    )
    if identity.full_name:
        profile.full_name = identity.full_name[:150]
    if identity.id_number:
        try:
            validate_id_number(identity.id_number)
        except ValidationError:
            # An odd claim (an old 9-digit number …) must not lock the citizen out; it is simply not kept.
            logger.warning("identity id number claim rejected")
        else:
            profile.id_number = identity.id_number
    if identity.date_of_birth:
        profile.date_of_birth = identity.date_of_birth
    profile.identity_verified = True
    profile.verified_at = profile.verified_at or timezone.now()
    if (
        CitizenProfile.objects.filter(identity_verified=True, id_number=profile.id_number)
        .exclude(pk=profile.pk)
        .exclude(id_number="")
        .exists()
    ):
        raise ValidationError(
            _("Số CCCD đã gắn với tài khoản khác. / The ID number belongs to another account."),
            code="id_number_taken",
        )
    audited_save(profile, actor=user, action=action)
    if profile.full_name and user.full_name != profile.full_name[:150]:
        user.full_name = profile.full_name[:150]
        user.save(update_fields=["full_name"])
    return user


def _create_from_identity(identity: Identity) -> User:
    user = User(
        username=_new_username(),
        account_type=AccountType.CITIZEN,
        full_name=identity.full_name[:150],
        is_active=True,
    )
    # Contacts become login identifiers only when no other account uses them already.
    phone = normalize_phone(identity.phone)
    if phone and not citizens_with(Contact(Channel.SMS, phone)).exists():
        user.phone = phone
    email = normalize_email(identity.email)
    if email and not citizens_with(Contact(Channel.EMAIL, email)).exists():
        user.email = email
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user
