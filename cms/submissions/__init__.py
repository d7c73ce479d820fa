"""Citizens' submissions: the mechanism every area's citizen form reuses (corruption reports, questions, proposals).

What it gives
-------------
- ``models.Submission`` (abstract): ``registration_number`` «<prefix>-<year>-<000123>» issued on first save
  (set ``registration_prefix``, e.g. ``"АК"``), ``received_at``, ``status`` (``SubmissionStatus``),
  ``responsible`` (a user), ``internal_notes``; ``inbox_group_name`` names the only group that reads them.
- ``models.SubmissionAttachmentMixin`` (abstract): an optional ``attachment`` in ``PrivateStorage`` (under
  ``settings.PRIVATE_MEDIA_ROOT``, default ``BASE_DIR/var/private``, outside MEDIA_ROOT; ``url()`` refuses),
  validated for type (extension and content signature) and size; served only by the admin view
  ``submissions_attachment`` to users with the model's view permission.
- ``forms.SubmissionForm``: a ModelForm base with a honeypot field and a consent checkbox (``require_consent``).
- ``services.handle_submission(request, FormClass, scope=...)``: per-address rate limit (Django cache, REMOTE_ADDR),
  honeypot, save, notification e-mail (number and admin link only) after commit, INFO log of the number only,
  Post/Redirect/Get with the receipt in the session (``services.pop_receipt``). On a validation error the bound
  form (what was typed) comes back with status 400.
- Templates: ``submissions/includes/form.html`` (error summary, fields, honeypot, CSRF) and
  ``submissions/includes/receipt.html`` (number and date); CSS ``submissions/submissions.css`` (hides the honeypot).
- ``admin.SubmissionInboxAdmin``: the wagtail-modeladmin inbox base (list, filters, inspect, edit of status /
  responsible / notes only, no creation). ``access.ensure_inbox_group(Model)`` creates the reading group.

Usage in an area (three small modules)
--------------------------------------
::

    # models.py
    class Question(SubmissionAttachmentMixin, Submission):
        registration_prefix = "ВП"
        inbox_group_name = "Вопросы граждан"
        name = models.CharField(_("name"), max_length=200)
        email = models.EmailField(_("e-mail"))
        text = models.TextField(_("question"))

    # forms.py
    class QuestionForm(SubmissionForm):
        class Meta:
            model = Question
            fields = ["name", "email", "text", "attachment"]

    # in the page's serve() / a view
    outcome = handle_submission(request, QuestionForm, scope="faq-question")
    if outcome.redirect:
        return outcome.redirect
    context.update(form=outcome.form, receipt=pop_receipt(request, "faq-question"))
    return TemplateResponse(request, "faq/ask.html", context, status=outcome.status)

    # inbox.py + wagtail_hooks.py
    class QuestionInbox(SubmissionInboxAdmin):
        model = Question
        menu_label = _("Questions")
        inspect_view_fields = ["registration_number", "received_at", "name", "email", "text", "attachment",
                               "status", "responsible", "internal_notes"]
    modeladmin_register(QuestionInbox)

    # signal_handlers.py (connected in AppConfig.ready): create the inbox group after migrate
    def create_inbox_group(sender, **kwargs):
        ensure_inbox_group(Question)

Settings (all optional): ``PRIVATE_MEDIA_ROOT``, ``SUBMISSIONS_ALLOWED_EXTENSIONS``,
``SUBMISSIONS_MAX_ATTACHMENT_BYTES`` (10 MB), ``SUBMISSIONS_RATE_LIMIT`` ((5, 3600): per address and type),
``SUBMISSIONS_NOTIFY_EMAILS``.

Never: index a submission for search, give it a page or an API endpoint, log its content, or put its content in an
e-mail. ``tests/submissions`` checks the mechanism; each area tests that its type stays private.
"""
