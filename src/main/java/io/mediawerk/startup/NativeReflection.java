package io.mediawerk.startup;

import io.mediawerk.analytics.AnalyticsView;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Envelope;
import io.mediawerk.api.ErrorEnvelope;
import io.mediawerk.api.Meta;
import io.mediawerk.api.Page;
import io.mediawerk.auth.ApiKeyView;
import io.mediawerk.domain.DomainView;
import io.mediawerk.files.SignedUrlResource;
import io.mediawerk.ingest.IngestJob;
import io.mediawerk.intelligence.IntelligenceView;
import io.mediawerk.media.MediaView;
import io.mediawerk.project.ProjectView;
import io.mediawerk.source.SourceView;
import io.mediawerk.task.TaskJob;
import io.mediawerk.transform.TransformView;
import io.mediawerk.upload.UploadView;
import io.mediawerk.webhook.WebhookView;
import io.mediawerk.webhook.delivery.DeliveryView;
import io.mediawerk.workflow.WorkflowView;
import io.mediawerk.workflow.run.RunState;
import io.mediawerk.workflow.run.RunStep;
import io.mediawerk.workflow.run.RunView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What Jackson reads or writes by reflection beyond the REST methods' own types, for the native image: the objects
 * of events and webhook bodies (written to the outbox), nested records of the API's views, job payloads on Kafka,
 * and the JSON state of workflow runs. A new view or payload is added here.
 */
@RegisterForReflection(
        targets = {
            AnalyticsView.class,
            AnalyticsView.MediaCounts.class,
            AnalyticsView.SourceCounts.class,
            AnalyticsView.Uploads.class,
            AnalyticsView.Tasks.class,
            AnalyticsView.Deliveries.class,
            AnalyticsView.Day.class,
            Deleted.class,
            Envelope.class,
            ErrorEnvelope.class,
            ErrorEnvelope.Error.class,
            Meta.class,
            Page.class,
            ApiKeyView.class,
            SignedUrlResource.SignedUrlView.class,
            DomainView.class,
            DomainView.Verification.class,
            DomainView.DnsRecord.class,
            DomainView.HttpToken.class,
            IngestJob.class,
            IntelligenceView.class,
            MediaView.class,
            io.mediawerk.api.Failure.class,
            ProjectView.class,
            SourceView.class,
            TaskJob.class,
            TransformView.class,
            UploadView.class,
            WebhookView.class,
            DeliveryView.class,
            DeliveryView.Attempt.class,
            WorkflowView.class,
            RunState.class,
            RunStep.class,
            RunView.class,
            RunView.StepView.class
        })
public final class NativeReflection {

    private NativeReflection() {}
}
