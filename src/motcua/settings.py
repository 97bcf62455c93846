"""One settings module, driven by environment variables (twelve-factor, django-environ).

DATABASE_URL  PostgreSQL in production and CI; SQLite under var/ when absent.
REPLICA_DATABASE_URL  optional PostgreSQL streaming replica for public pages, dashboards and exports.
SECRET_KEY    required in production; a random key kept in var/secret_key otherwise.
DEBUG         off unless set (`make run` sets it).
ALLOWED_HOSTS comma-separated host names.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ

from motcua import formats as site_formats

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional file; real environment variables win

VAR_DIR = Path(env.str("MOTCUA_VAR_DIR", default=str(BASE_DIR / "var")))
DEBUG = env.bool("DEBUG", default=False)


def _local_secret_key() -> str:
    """A per-installation key so that a checkout runs without configuration but never shares a key."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_filters",
    "motcua.core",
    "motcua.org",
    "motcua.workdays",
    "motcua.control",
    "motcua.outreach",
    "motcua.catalog",
    "motcua.integrations",
    "motcua.dossiers",
    "motcua.evaluation",
    "motcua.feedback",
    "motcua.serviceindex",
    "motcua.review",
    "motcua.contest",
    "motcua.accounts",
    "motcua.portal",
    "motcua.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy (below)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "motcua.middleware.VietnameseFirstLocaleMiddleware",  # LocaleMiddleware minus Accept-Language
    # NUL and control characters refused, bad parameters a 400, the database down a 503 (core.boundary).
    "motcua.core.boundary.InputBoundaryMiddleware",
    # An API method the route does not declare is a 405 before authentication is asked (core.api).
    "motcua.core.api.UndeclaredMethodMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified() (core.twofactor)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into core.throttle's 429.
    "axes.middleware.AxesMiddleware",
]
if env.str("REPLICA_DATABASE_URL", default=""):
    # Chooses each request's database for reads (core.replica); first, so every answer can carry the mark.
    MIDDLEWARE.insert(0, "motcua.core.replica.ReplicaMiddleware")

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'motcua.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while a command writes; the timeout waits instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, and statements prepared: psycopg prepares a statement once a connection
    # has run it DB_PREPARE_THRESHOLD times, so PostgreSQL plans the hot paths (reception, hand-over, queues,
    # tracking) once per connection instead of on every call; planning was most of their database time.
    # Django turns preparation off (prepare_threshold=None) unless OPTIONS name it, so it is named here.
    # Behind PgBouncer in transaction mode this needs PgBouncer ≥ 1.21 with max_prepared_statements; set
    # DB_SERVER_SIDE_BINDING=0 otherwise (which also turns preparation off).
    _binding = env.bool("DB_SERVER_SIDE_BINDING", default=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["server_side_binding"] = _binding
    DATABASES["default"]["OPTIONS"]["prepare_threshold"] = (
        env.int("DB_PREPARE_THRESHOLD", default=5) if _binding else None
    )
# A PostgreSQL streaming replica (REPLICA_DATABASE_URL, docs/operators.md): the public pages, the service
# index, dashboards, scorecards and exports read it (core.replica); writes, a user's reads in the seconds
# after a write and all background work use the primary. Without it everything reads and writes `default`.
if env.str("REPLICA_DATABASE_URL", default=""):
    DATABASES["replica"] = {
        **env.db("REPLICA_DATABASE_URL"),
        "ATOMIC_REQUESTS": False,
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
        "TEST": {"MIRROR": "default"},  # a test run sets up one database and reads it under both names
    }
    DATABASE_ROUTERS = ["motcua.core.replica.ReplicaRouter"]
# URL names (shell-style patterns) whose GET and HEAD read the replica when there is one.
MOTCUA_REPLICA_ROUTES = [
    "home",
    "catalog:list",
    "catalog:any_boundary",
    "catalog:detail",
    "catalog:sheet",
    "catalog:changes",
    "org:tree",
    "workdays:*",
    "portal:faq",
    "portal:help",
    "portal:centres",
    "feedback:public_list",
    "feedback:public_item",
    "outreach:bulletin*",
    "outreach:reading_point*",
    "outreach:training_coverage*",
    "outreach:course_xlsx",
    "contest:list",
    "contest:detail",
    "contest:winners",
    "contest:export",
    "contest:register_export",
    "serviceindex:*",
    "api-index*",
    "procedure-list",
    "procedure-detail",
    "control:dashboard*",
    "control:scorecard",
    "control:request_export",
    "control:report_export",
    "review:summary*",
    "review:drafts_xlsx",
    "review:inspection_minutes_xlsx",
]
# How long after a write the writer's reads stay on the primary (the replica's lag is normally far less).
MOTCUA_REPLICA_STICKY_SECONDS = env.int("MOTCUA_REPLICA_STICKY_SECONDS", default=15)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "org.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses every login of a locked-out account or address (core.throttle, django-axes).
    "motcua.core.throttle.LoginThrottleBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Citizens log in with a phone number or an e-mail address; staff keep their usernames.
    "motcua.accounts.backends.ContactBackend",
    # Single sign-on (VNeID-style OpenID Connect); inert while OIDC_RP_CLIENT_ID is empty.
    "motcua.integrations.identity.OIDCBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes, core.throttle): AXES_FAILURE_LIMIT wrong passwords for one account OR from
# one address lock both out for AXES_COOLOFF_TIME; a success resets the account's count. Failures are kept in
# the database (shared by every process); successful logins are not logged (no personal data kept for them).
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # its log lines name the login (a phone number or an e-mail address for citizens)
AXES_LOCKOUT_CALLABLE = "motcua.core.throttle.lockout_response"
# Optional second factor for staff (core.twofactor, django-otp TOTP): off until every staff account has a
# device (admin → TOTP devices), then MOTCUA_STAFF_OTP=1 asks staff for the code at login and for API tokens.
MOTCUA_STAFF_OTP = env.bool("MOTCUA_STAFF_OTP", default=False)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="MộtCửa")
LOGIN_URL = "login"
# A form sent from an expired page gets a bilingual page with the way back, not Django's technical one.
CSRF_FAILURE_VIEW = "motcua.core.access.csrf_failure"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Single sign-on through an electronic identity provider (motcua.integrations.identity, docs/accounts.md).
# Off while OIDC_RP_CLIENT_ID is empty. Endpoints left empty come from the OIDC_OP_DISCOVERY document.
MOTCUA_IDENTITY_PROVIDER = env.str("MOTCUA_IDENTITY_PROVIDER", default="oidc")
OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", default="vneid")
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_DISCOVERY = env.str("OIDC_OP_DISCOVERY", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid profile email phone")
OIDC_USE_PKCE = env.bool("OIDC_USE_PKCE", default=True)
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
MOTCUA_OIDC_CLAIMS = {
    "name": env.str("OIDC_CLAIM_NAME", default="name"),
    "id_number": env.str("OIDC_CLAIM_ID_NUMBER", default="id_number"),
    "birthdate": env.str("OIDC_CLAIM_BIRTHDATE", default="birthdate"),
    "phone": env.str("OIDC_CLAIM_PHONE", default="phone_number"),
    "email": env.str("OIDC_CLAIM_EMAIL", default="email"),
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Dates are typed day first (04/09/2026 is 4 September) in both languages: the locale's formats win over
# these settings since Django 5 (USE_L10N is always on), hence motcua/formats/<lang>/formats.py too.
FORMAT_MODULE_PATH = ["motcua.formats"]
DATE_INPUT_FORMATS = site_formats.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = site_formats.DATETIME_INPUT_FORMATS

STATIC_URL = "/static/"
# Site-wide assets (vendored Bootstrap and htmx, site.css) live in the project package, which is not an app.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=False)
# Without the manifest, static files are served straight from the apps (no collectstatic needed).
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static"))) if STATIC_MANIFEST else None
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Production runs collectstatic and sets STATIC_MANIFEST=1 for hashed, long-cached names.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
# Uploaded and private files on S3-compatible object storage (django-storages) when S3_BUCKET is set: every
# application node then reads the same files without a shared disk. Objects are private (no public ACL); the
# pages stream them after their checks, as with the local folders. S3_ENDPOINT_URL names a MinIO or other
# S3-compatible server; credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or the node's role).
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("S3_REGION", default="") or None,
        "default_acl": None,  # the bucket's own policy: private
        "querystring_auth": True,  # any URL made is signed and expires
        "file_overwrite": False,  # a second upload of the same name gets its own key, as on disk
        "addressing_style": "path",  # what MinIO and most S3-compatible servers expect
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "location": "media"},
    }
    STORAGES["private"] = {
        "BACKEND": "motcua.core.s3.PrivateS3Storage",
        "OPTIONS": {**_s3, "location": "private"},
    }

# Tracking and file-check rate limits, queue counts and the home page's figures live in the cache: several
# processes need a shared one. CACHE_URL=redis://host:6379/0 uses Django's own Redis backend (the `redis`
# client); the default, one process's memory, is what `make run` needs (docs/operators.md).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
REDIS_CACHE = CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
if REDIS_CACHE:
    # Installations sharing one Redis never read each other's keys.
    CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="motcua"))
# Sessions stay in the database (a Redis restart logs nobody out), read through the cache when it is
# Redis: one GET there instead of a query per request. Login throttling (below) counts in the database.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if REDIS_CACHE else "django.contrib.sessions.backends.db"
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# HTTPS (docs/operators.md): behind a TLS-terminating proxy that sets X-Forwarded-Proto, SECURE_PROXY_SSL=1
# trusts that header; SECURE_SSL_REDIRECT=1 sends plain HTTP to HTTPS; SECURE_HSTS_SECONDS (a year once the
# site is known to work over HTTPS) tells browsers never to use plain HTTP again.
if env.bool("SECURE_PROXY_SSL", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer's probe speaks plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)

# Content-Security-Policy (django-csp): the pages vendor their scripts and styles, so only this site's own
# files run; no inline <script> or <style> (data for scripts goes in json_script blocks, which never run).
# Style attributes stay allowed (progress bars, chart heights): they cannot load anything or run code.
# Images may be data: URIs (Bootstrap's icons in its CSS, QR codes). Single sign-on starts from a link, so
# form-action needs no outside origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="motcua@localhost")
# Where EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes (a staging server, tests).
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))

# Personal data never goes into logs: handlers log event names and ids only, never request bodies.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # What slips through anyway (an exception's text) is masked: e-mails, phones, ID numbers, codes.
    "filters": {"personal_data": {"()": "motcua.core.logmask.MaskPersonalData"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["personal_data"]}
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every rendering step at INFO.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}

# The province this installation serves; the demo data creates it.
MOTCUA_PROVINCE_CODE = env.str("MOTCUA_PROVINCE_CODE", default="")
# Sent notifications hold phone numbers, e-mail addresses and dossier codes: `motcua purge_outbox` deletes
# them after this many days.
MOTCUA_OUTBOX_RETENTION_DAYS = env.int("MOTCUA_OUTBOX_RETENTION_DAYS", default=180)

# Public read-only API under /api/v1/; writes need a logged-in session or a token
# (`POST /api/v1/auth/token/`, then the header `Authorization: Token …`).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    # JSON bodies limited in size and nesting (core.parsers); forms and files as DRF parses them.
    "DEFAULT_PARSER_CLASSES": [
        "motcua.core.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # One error shape for every endpoint: {"detail", "code", "errors"?} (motcua.core.errors).
    "EXCEPTION_HANDLER": "motcua.core.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MộtCửa API",
    "DESCRIPTION": "Danh mục thủ tục hành chính và dịch vụ một cửa. / Procedure catalog, one-stop services.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Request bodies get their own components, so a required text is documented non-blank (minLength 1)
    # where the serializer refuses "", without saying so of the answers that share the serializer.
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation documents its error answers in the one error shape (core.openapi).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "motcua.core.openapi.add_error_responses",
    ],
    # One name per choice set, so clients get stable type names (docs/openapi.yaml).
    "ENUM_NAME_OVERRIDES": {
        "ProcedureChannelEnum": "motcua.catalog.models.Channel",
        "SubmissionChannelEnum": "motcua.dossiers.models.SubmissionChannel",
        "ReturnMethodEnum": "motcua.dossiers.models.ReturnMethod",
        "DossierStatusEnum": "motcua.dossiers.lifecycle.Status",
        "FeedbackStatusEnum": "motcua.feedback.workflows.Status",
        "FeedbackChannelEnum": "motcua.feedback.models.Channel",
        "FeedbackKindEnum": "motcua.feedback.models.Kind",
        "SenderKindEnum": "motcua.feedback.models.SenderKind",
        "ReviewStatusEnum": "motcua.review.workflows.ReviewStatus",
        "ReviewAssessmentEnum": "motcua.review.models.Assessment",
        "ReviewProposalEnum": "motcua.review.models.Proposal",
        "ReviewActionKindEnum": "motcua.review.models.ActionKind",
        "DraftStatusEnum": "motcua.review.drafts.workflows.DraftStatus",
        "DraftDocumentKindEnum": "motcua.review.drafts.models.DocumentKind",
        "CategoryEnum": "motcua.feedback.models.Category",  # kept its name when the contest added one
        "ContestStatusEnum": "motcua.contest.workflows.ContestStatus",
        "ContestEntryStatusEnum": "motcua.contest.workflows.EntryStatus",
        "ContestEntryCategoryEnum": "motcua.contest.models.EntryCategory",
        "GoodModelKindEnum": "motcua.contest.models.GoodModelKind",
        "ArticleStatusEnum": "motcua.outreach.workflows.ArticleStatus",
        "QuestionStatusEnum": "motcua.outreach.workflows.QuestionStatus",
        "TrainingModeEnum": "motcua.outreach.models.CourseMode",
        "ReadingPointKindEnum": "motcua.outreach.models.ReadingPointKind",
        "MaterialKindEnum": "motcua.outreach.models.MaterialKind",
        "StaffRoleEnum": "motcua.org.models.Role",
    },
}

# The input boundary (core.boundary, core.parsers): an API JSON body is at most this large and this deep;
# while the database is unreachable pages and the API answer 503 with this Retry-After.
MOTCUA_API_MAX_BODY_BYTES = env.int("MOTCUA_API_MAX_BODY_BYTES", default=1024 * 1024)
MOTCUA_API_MAX_JSON_DEPTH = env.int("MOTCUA_API_MAX_JSON_DEPTH", default=32)
MOTCUA_RETRY_AFTER_SECONDS = env.int("MOTCUA_RETRY_AFTER_SECONDS", default=30)

# Background work (django-tasks, the backport of Django 6's task API) in the database queue;
# `motcua db_worker` runs it. Daily sweeps (e.g. `motcua control_sweep`) run from cron or a systemd timer.
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
# TASK_WORKER=1 when the installation runs `motcua db_worker` (docs/operators.md): notifications are then
# delivered by the worker (a task enqueued when the message commits), not in the request that wrote them.
MOTCUA_TASK_WORKER = env.bool("TASK_WORKER", default=False)
