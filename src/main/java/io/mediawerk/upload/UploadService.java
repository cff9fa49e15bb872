package io.mediawerk.upload;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Ids;
import io.mediawerk.api.PublicUrls;
import io.mediawerk.api.Times;
import io.mediawerk.media.MetadataRules;
import io.mediawerk.project.WorkflowReferences;
import io.mediawerk.storage.StorageKeys;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;

/** Upload URLs at the API: making one, reading one; what happens as the file arrives is {@link UploadLedger}'s. */
@ApplicationScoped
public class UploadService {

    static final int DEFAULT_TIMEOUT = 300;
    static final int MIN_TIMEOUT = 10;
    static final int MAX_TIMEOUT = 3600;

    private final UploadRepository uploads;
    private final UploadTokens tokens;
    private final PublicUrls urls;
    private final WorkflowReferences workflows;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public UploadService(
            UploadRepository uploads,
            UploadTokens tokens,
            PublicUrls urls,
            WorkflowReferences workflows,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.uploads = uploads;
        this.tokens = tokens;
        this.urls = urls;
        this.workflows = workflows;
        this.json = json;
    }

    @WithTransaction
    public Uni<UploadView> create(String projectId, UploadInput input) {
        int timeout = input.timeout() == null ? DEFAULT_TIMEOUT : input.timeout();
        if (timeout < MIN_TIMEOUT || timeout > MAX_TIMEOUT) {
            throw ApiException.invalid(
                    "timeout",
                    "timeout must be from " + MIN_TIMEOUT + " to " + MAX_TIMEOUT + " seconds; got " + timeout + ".");
        }
        if (input.expires() != null && (input.expires() < 60 || input.expires() > 31_536_000)) {
            throw ApiException.invalid(
                    "expires",
                    "expires must be from 60 to 31536000 seconds after the upload; got " + input.expires() + ".");
        }
        return workflows
                .check(projectId, input.workflowId(), "workflow_id")
                .chain(() -> open(projectId, input, timeout));
    }

    private Uni<UploadView> open(String projectId, UploadInput input, int timeout) {
        Upload upload = new Upload();
        upload.id = Ids.newId("upl");
        upload.projectId = projectId;
        upload.status = Upload.OPEN;
        upload.created = Times.now();
        upload.updated = upload.created;
        upload.expires = upload.created.plusSeconds(timeout);
        upload.workflowId = input.workflowId();
        upload.metadata = MetadataRules.checked(
                json, input.metadata() == null ? new HashMap<>() : new HashMap<>(input.metadata()));
        upload.mediaTimeout = input.expires();
        upload.mediaId = Ids.newId("med");
        upload.storageKey = StorageKeys.original(projectId, upload.mediaId);
        return uploads.persist(upload).map(saved -> UploadView.of(saved, urlOf(saved)));
    }

    @WithSession
    public Uni<UploadView> get(String projectId, String id) {
        Fields.requireId(id, "upl", "upload");
        return uploads.findInProject(projectId, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("upload", id))
                .map(upload -> UploadView.of(upload, null));
    }

    /** Status of an upload for its URL holder (which bytes arrived), without an API key. */
    @WithSession
    public Uni<UploadView> status(UploadTokens.Claims claims) {
        return uploads.findInProject(claims.projectId(), claims.uploadId())
                .onItem()
                .ifNull()
                .failWith(() -> UploadLedger.gone("This upload no longer exists."))
                .map(upload -> UploadView.of(upload, null));
    }

    private String urlOf(Upload upload) {
        return urls.of(
                "/uploads/" + upload.id + "/file?token=" + tokens.issue(upload.id, upload.projectId, upload.expires));
    }
}
