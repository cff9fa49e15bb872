package io.mediawerk.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as the API shows it; {@code key} is present only in the answer that created it. */
@Schema(name = "ApiKey")
public record ApiKeyView(
        String id,
        String object,
        String name,
        String prefix,
        String orgId,
        String projectId,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key,
        Instant created,
        Instant updated,
        Instant revoked)
        implements ApiObject {

    public static ApiKeyView of(ApiKey key, String plainKey) {
        return new ApiKeyView(
                key.id,
                "key",
                key.name,
                key.prefix,
                key.orgId,
                key.projectId,
                key.revoked == null ? "active" : "revoked",
                plainKey,
                key.created,
                key.updated,
                key.revoked);
    }

    @Override
    public ApiKeyView withoutSecrets() {
        return new ApiKeyView(id, object, name, prefix, orgId, projectId, status, null, created, updated, revoked);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return parentPath() + "/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/projects/" + projectId + "/keys";
    }
}
