# flake8: noqa

# import apis into api package
from mediawerk.api.analytics_api import AnalyticsApi
from mediawerk.api.domains_api import DomainsApi
from mediawerk.api.intelligence_api import IntelligenceApi
from mediawerk.api.media_api import MediaApi
from mediawerk.api.projects_api import ProjectsApi
from mediawerk.api.sources_api import SourcesApi
from mediawerk.api.transforms_api import TransformsApi
from mediawerk.api.uploads_api import UploadsApi
from mediawerk.api.webhooks_api import WebhooksApi
from mediawerk.api.workflows_api import WorkflowsApi

