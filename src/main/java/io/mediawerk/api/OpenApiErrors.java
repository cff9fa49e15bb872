package io.mediawerk.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every endpoint shares (the one error path of {@link ApiExceptionMappers}), so that
 * resources only describe their own success.
 */
final class OpenApiErrors {

    private static final String ERROR_REF = "#/components/schemas/" + OpenApiContract.ERROR;

    private OpenApiErrors() {}

    static void addTo(PathItem.HttpMethod method, Operation operation, boolean hasId) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH;
        add(
                responses,
                "400",
                "Invalid input: malformed JSON, a wrong type, an unknown field, an out-of-range "
                        + "value or an unknown API version. error.param names the field.");
        add(responses, "401", "No API key, or a key that is unknown or revoked.");
        add(responses, "403", "Plain HTTP in production, or the wrong kind of key (org vs. project).");
        if (hasId) {
            add(responses, "404", "No such object in your project (also for other projects' objects).");
        }
        if (method == PathItem.HttpMethod.POST) {
            add(responses, "409", "The Idempotency-Key was used for another request, or its request still runs.");
        }
        if (writes) {
            add(responses, "413", "The body is larger than the limit.");
            add(responses, "415", "The body is not application/json.");
        }
        add(responses, "429", "Past the key's rate limit; retry after Retry-After seconds (RateLimit headers).");
        add(responses, "503", "A dependency (the database) is unreachable; retry after Retry-After seconds.");
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return;
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(ERROR_REF)))));
    }
}
