from django import template

from editor.access import may_take_bulk_actions as _may_take_bulk_actions

register = template.Library()


@register.simple_tag(takes_context=True)
def may_take_bulk_actions(context, model_opts):
    return _may_take_bulk_actions(
        context["request"].user, model_opts.app_label, model_opts.model_name
    )
