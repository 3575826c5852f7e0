"""Retention in the staff console: policies and statutory periods are editable (and audited), runs and holds are read-only."""

from functools import partial

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _, ngettext

from privacy.audit.actors import Actor
from retention.models import RetentionHold, RetentionPolicy, RetentionRun, StatutoryPeriod
from retention.selectors import age_rule_text, last_run
from retention.services import retention_policy_save, statutory_period_save
from retention.tasks import run_retention_policy_task


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ("name", "enabled", "action", "age_rule", "schedule", "last_run_state")
    list_filter = ("enabled", "action", "plan")
    readonly_fields = ("claimed_by", "lease_until", "last_dispatched_at")
    fields = (
        "name", "plan", "action", "enabled", "data_category", "legal_basis", "description", "age_days", "notice_days",
        "schedule", "batch_size", *readonly_fields,
    )
    actions = ("run_now", "dry_run_now")

    @admin.display(description=_("age rule"))
    def age_rule(self, policy):
        return age_rule_text(policy)

    @admin.display(description=_("last run"))
    def last_run_state(self, policy):
        run = last_run(policy=policy)
        return f"{run.get_state_display()} ({run.created_at:%Y-%m-%d %H:%M})" if run else "-"

    def save_model(self, request, obj, form, change):
        retention_policy_save(policy=obj, actor=Actor.staff(request.user), changed=list(form.changed_data))

    @admin.action(description=_("Run the selected policies now"))
    def run_now(self, request, queryset):
        self._enqueue(request, queryset, dry_run=False)

    @admin.action(description=_("Dry-run the selected policies now (count, change nothing)"))
    def dry_run_now(self, request, queryset):
        self._enqueue(request, queryset, dry_run=True)

    def _enqueue(self, request, queryset, *, dry_run: bool):
        for policy in queryset:
            transaction.on_commit(
                partial(run_retention_policy_task.delay, policy.pk, dry_run=dry_run, staff_user_id=request.user.pk)
            )
        count = queryset.count()
        message = ngettext("%(count)d policy queued; see its runs.", "%(count)d policies queued; see their runs.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(StatutoryPeriod)
class StatutoryPeriodAdmin(admin.ModelAdmin):
    list_display = ("jurisdiction", "document_class", "years", "legal_basis")
    list_filter = ("jurisdiction",)

    def save_model(self, request, obj, form, change):
        statutory_period_save(period=obj, actor=Actor.staff(request.user), changed=list(form.changed_data))


@admin.register(RetentionRun)
class RetentionRunAdmin(ReadOnlyAdmin):
    list_display = ("id", "policy", "state", "dry_run", "batches", "examined", "changed", "duration", "created_at")
    list_filter = ("state", "dry_run", "policy")
    exclude = ("key_token",)

    @admin.display(description=_("rows examined"))
    def examined(self, run):
        return run.totals()["examined"]

    @admin.display(description=_("rows changed"))
    def changed(self, run):
        return run.totals()["changed"]

    @admin.display(description=_("duration (s)"))
    def duration(self, run):
        return f"{run.duration_seconds:.1f}"


@admin.register(RetentionHold)
class RetentionHoldAdmin(ReadOnlyAdmin):
    list_display = ("id", "table", "row_id", "document_class", "jurisdiction", "hold_until", "request_ref", "released_at")
    list_filter = ("table", "document_class", "released_at")
    search_fields = ("request_ref",)
