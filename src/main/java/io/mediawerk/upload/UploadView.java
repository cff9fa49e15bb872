package io.mediawerk.upload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An upload as the API shows it. {@code url} (with its token) is present only in the answer to Create Upload;
 * {@code received} is how many bytes of a chunked upload have arrived.
 */
@Schema(name = "Upload")
public record UploadView(
        String id,
        String object,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String url,
        Instant expires,
        String workflowId,
        Map<String, Object> metadata,
        long received,
        Long total,
        String mediaId,
        Instant created,
        Instant updated)
        implements ApiObject {

    public static UploadView of(Upload upload, String url) {
        return new UploadView(
                upload.id,
                "upload",
                upload.status,
                url,
                upload.expires,
                upload.workflowId,
                upload.metadata,
                upload.received,
                upload.total,
                upload.mediaId,
                upload.created,
                upload.updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/uploads/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/uploads";
    }
}
