"""Forms of the forums: writing, editing, flagging, moving, searching."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm, VersionedModelForm

from .attachments import check_upload
from .models import Forum, Post

BODY_HELP = _(
    "Markdown: **bold**, *italic*, lists, [links](https://example.org). "
    "Mention someone by typing @ and their name, e.g. @Aminata Diallo."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked by its content (see ``attachments.check_upload``)."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if len(files) > 10:
            raise ValidationError(_("Attach at most ten files to a post."))
        cleaned = [super(AttachmentsField, self).clean(f, initial) for f in files]
        errors = []
        for upload in cleaned:
            try:
                check_upload(upload, upload.name or "", upload.size or 0)
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ReplyForm(SiteForm):
    body = forms.CharField(
        label=_("Your reply"), widget=forms.Textarea, max_length=20000, help_text=BODY_HELP
    )
    quotes = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )
    attachments = AttachmentsField(label=_("Attachments"), required=False)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Write something."))
        return body


class ThreadForm(ReplyForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    field_order = ["title", "body", "attachments"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["quotes"]
        self.fields["body"].label = _("Text")

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Give the thread a title."))
        return title


class PostEditForm(VersionedModelForm):
    class Meta:
        model = Post
        fields = ["body"]
        widgets = {"body": forms.Textarea}
        help_texts = {"body": BODY_HELP}

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Write something."))
        return body


class FlagForm(SiteForm):
    reason = forms.CharField(
        label=_("What is wrong with this post?"), widget=forms.Textarea, max_length=1000
    )


class MoveForm(SiteForm):
    forum = forms.ModelChoiceField(label=_("Move to"), queryset=Forum.objects.none())
    confirm = forms.BooleanField(
        label=_("I understand that people of other countries may read it there"), required=False
    )

    def __init__(self, *args: Any, forums: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["forum"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = forums


class SearchForm(SiteForm):
    q = forms.CharField(label=_("Search the forums"), max_length=200, required=False)
