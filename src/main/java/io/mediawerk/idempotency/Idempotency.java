package io.mediawerk.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.StoredObject;
import io.mediawerk.auth.KeyMaterial;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: the same key within 24 hours answers the first response again; the same key
 * with another request is a 409. Every creating endpoint runs its work through {@link #once}.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MIN_LENGTH = 16;
    private static final int MAX_LENGTH = 64;

    private final IdempotencyStore store;
    private final CallContext call;
    private final HttpServerRequest request;
    private final ObjectMapper json;

    public Idempotency(IdempotencyStore store, CallContext call, HttpServerRequest request, ObjectMapper json) {
        this.store = store;
        this.call = call;
        this.request = request;
        this.json = json;
    }

    /** Runs {@code action} unless this key already ran it; {@code body} is what makes two requests the same. */
    public Uni<Response> once(Object body, Supplier<Uni<Response>> action) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return action.get();
        }
        if (key.length() < MIN_LENGTH
                || key.length() > MAX_LENGTH
                || key.chars().anyMatch(c -> c < 33 || c > 126)) {
            throw ApiException.badRequest(
                    "invalid_idempotency_key",
                    "The " + HEADER + " header must be " + MIN_LENGTH + " to " + MAX_LENGTH
                            + " visible ASCII characters, e.g. a UUID.",
                    HEADER);
        }
        String owner =
                call.caller().isOrgKey() ? call.caller().orgId() : call.caller().projectId();
        String id = owner + ":" + key;
        String fingerprint = KeyMaterial.hash(request.method().name() + " " + request.path() + "\n" + serialize(body));
        return store.begin(id, fingerprint).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(replay(previous));
            }
            return Uni.createFrom()
                    .<Response>deferred(() -> action.get())
                    .call(response -> store.complete(id, response.getStatus(), toStored(response)))
                    .onFailure()
                    .call(() -> store.abandon(id));
        });
    }

    private Response replay(IdempotencyRecord previous) {
        StoredObject stored = StoredObject.read(json, previous.body, previous.selfPath, previous.parentPath);
        return Response.status(previous.status)
                .entity(stored)
                .header(REPLAYED_HEADER, "true")
                .build();
    }

    private StoredObject toStored(Response response) {
        if (!(response.getEntity() instanceof ApiObject object)) {
            throw new IllegalStateException("Idempotent endpoints must answer an API object");
        }
        return StoredObject.of(json, object.withoutSecrets());
    }

    private String serialize(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Request body cannot be serialised", e);
        }
    }
}
