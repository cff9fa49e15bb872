package io.mediawerk.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every endpoint shares (the one error path of {@link ApiExceptionMappers}), so that
 * resources only describe their own success.
 */
public class OpenApiErrors implements OASFilter {

    private static final String ERROR_REF = "#/components/schemas/Error";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Error", errorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().getOperations().entrySet()) {
                addErrors(op.getKey(), op.getValue(), hasId);
            }
        }
    }

    private void addErrors(PathItem.HttpMethod method, Operation operation, boolean hasId) {
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
        add(responses, "503", "A dependency (the database) is unreachable; retry after Retry-After seconds.");
    }

    private void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
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

    private static Schema errorSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema error = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("message", text.description("What went wrong and what to change."))
                .addProperty(
                        "code",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("Machine-readable code, e.g. invalid_parameter."))
                .addProperty(
                        "param",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .addType(Schema.SchemaType.NULL)
                                .description("The field or header at fault, if one."));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Every error: {meta, error, links}.")
                .addProperty("meta", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                .addProperty("error", error)
                .addProperty("links", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT));
    }
}
