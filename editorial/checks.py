"""System checks: a kind's workflow is wired completely (`manage.py check` says what is missing)."""

from django.apps import apps
from django.core import checks

from editorial.workflow import Workflow


@checks.register()
def check_workflows(app_configs=None, **kwargs):
    errors = []
    for model in apps.get_models():
        workflow = model.__dict__.get("workflow")
        if not isinstance(workflow, Workflow):
            continue
        opts = model._meta
        declared = {codename for codename, _name in opts.permissions}
        if workflow.permission_codename not in declared:
            errors.append(
                checks.Error(
                    f"{opts.label} has a workflow but no {workflow.permission_codename!r} permission.",
                    hint=f'Add ("{workflow.permission_codename}", "…") to {opts.object_name}.Meta.permissions.',
                    obj=model,
                    id="editorial.E001",
                )
            )
        field = opts.get_field(workflow.state_field)
        if {value for value, _label in field.choices} != set(workflow.states) or field.editable:
            errors.append(
                checks.Error(
                    f"{opts.label}.{workflow.state_field} must be workflow.state_field_definition().",
                    hint="Its choices must be the workflow's states, and it must not be editable in forms.",
                    obj=model,
                    id="editorial.E002",
                )
            )
    return errors
