"""Post an admin change form back as the browser would, changing only some fields."""

from django import forms


def _field_data(bound):
    """(name → value) pairs a browser sends for one bound field, from its current value."""
    field, widget, value = bound.field, bound.field.widget, bound.value()
    if isinstance(field, forms.FileField):
        return {}
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        data = {}
        for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=True)):
            data[f"{bound.html_name}_{index}"] = sub.format_value(part) or ""
        return data
    if isinstance(widget, forms.CheckboxInput):
        return {bound.html_name: "on"} if value else {}
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return {bound.html_name: [str(v) for v in (value or [])]}
    if value is None:
        return {bound.html_name: ""}
    return {bound.html_name: widget.format_value(value) or ""}


def change_form_data(response, **changes):
    """The POST data of the admin change form in `response` (a GET of the change
    page), inlines included, with `changes` applied."""
    context = response.context
    data = {}
    for bound in context["adminform"].form:
        data.update(_field_data(bound))
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for bound in formset.management_form:
            data[bound.html_name] = bound.value()
        for form in formset.forms:
            for bound in form:
                data.update(_field_data(bound))
    data.update(changes)
    return data


def empty_inline(prefix):
    """The management form of an inline with no rows (what a browser sends for it)."""
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# The documents inline every kind with attachments has on its admin page.
DOCUMENTS_INLINE = empty_inline("documents-document-content_type-object_id")
