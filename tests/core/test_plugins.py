"""One registry for every replaceable part."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from motcua.control import computations
from motcua.core.plugins import Registry, UnknownPlugin
from motcua.integrations import identity, notifications, payment


class Channel:
    name = ""
    label = ""


class Sms(Channel):
    name = "sms"
    label = "Tin nhắn"


def test_a_registry_registers_classes_by_name_or_given_name_and_picks_the_one_the_settings_name(settings):
    channels = Registry("channel", base=Channel, setting="TEST_CHANNEL", default="sms")
    channels.register(Sms)

    @channels.register("zalo")
    class Zalo(Channel):
        label = "Zalo"

    assert channels.get("zalo") is Zalo
    assert channels.active() is Sms
    settings.TEST_CHANNEL = "zalo"
    assert channels.active() is Zalo
    assert channels.choices() == [("sms", "Tin nhắn"), ("zalo", "Zalo")]
    assert list(channels.all()) == ["sms", "zalo"]
    channels.register(Sms)  # the same class again (a module imported twice) is harmless


def test_unknown_names_taken_names_and_wrong_types_are_clear_errors(settings):
    channels = Registry("channel", base=Channel, setting="TEST_CHANNEL")
    channels.register(Sms)
    with pytest.raises(UnknownPlugin, match=r"'fax'.*sms.*no channel plugin named 'fax'"):
        channels.get("fax")
    with pytest.raises(ValueError, match="already registered"):
        channels.register("sms")(type("OtherSms", (Channel,), {}))
    with pytest.raises(TypeError):
        channels.register(int)
    settings.TEST_CHANNEL = "fax"
    with pytest.raises(ImproperlyConfigured):
        channels.active()
    with pytest.raises(LookupError):
        channels.active()


def test_the_four_old_registries_are_the_one_registry(settings):
    assert isinstance(notifications.plugins, Registry)
    assert isinstance(payment.plugins, Registry)
    assert isinstance(identity.providers, Registry)
    assert isinstance(computations.computations, Registry)
    assert payment.current().name == "counter"
    settings.MOTCUA_IDENTITY_PROVIDER = "nope"
    with pytest.raises(ImproperlyConfigured, match="nope"):
        identity.provider()
    assert computations.get("control.tasks_on_time_rate") is not None
    assert computations.get("nope") is None
    assert ("outreach.activity_count", "Số hoạt động tuyên truyền (outreach.activity_count)") in [
        (name, str(label)) for name, label in computations.choices()
    ]
