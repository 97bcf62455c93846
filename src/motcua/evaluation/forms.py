"""The one-screen rating form: one radio group per question in force, and an optional comment."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm

from .answers import OPTIONS
from .services import COMMENT_MAX


class RatingForm(BootstrapForm):
    comment = forms.CharField(
        label=_("Ý kiến khác (không bắt buộc)"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea({"rows": 3}),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        english = (get_language() or "vi").startswith("en")
        for criterion in criteria:
            self.fields[criterion.code] = forms.TypedChoiceField(
                label=criterion.question_en if english else criterion.question,
                choices=[(o.value, o.label) for o in OPTIONS[criterion.answer_set]],
                coerce=int,
                required=criterion.required,
                widget=forms.RadioSelect,
                error_messages={"required": _("Hãy chọn một câu trả lời. / Choose an answer.")},
            )

    def questions(self):
        return [self[c.code] for c in self.criteria]

    def answers(self) -> dict:
        return {c.code: self.cleaned_data.get(c.code) for c in self.criteria}
