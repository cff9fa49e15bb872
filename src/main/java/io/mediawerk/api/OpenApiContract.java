package io.mediawerk.api;

import io.mediawerk.idempotency.Idempotency;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Turns what the resources declare into the contract clients are generated from: each success answer wrapped in
 * the {@code {meta, data, links}} envelope the response filter adds (lists with their paging), the shared errors
 * ({@link OpenApiErrors}), an operation id from each summary ("List Media" is {@code listMedia}), and the version
 * and idempotency headers.
 */
public class OpenApiContract implements OASFilter {

    static final String META = "Meta";
    static final String ERROR = "ErrorResponse";
    private static final String REF = "#/components/schemas/";
    private static final String PAGE = "Page";
    private static final String JSON = "application/json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Schema links = object().description(
                        "Where this answer and its neighbours are: an object's self and parent; a list's self, first,"
                                + " prev, next and last (null where there is none).");
        for (String link : List.of("self", "parent", "first", "prev", "next", "last")) {
            links.addProperty(link, nullable(string()));
        }
        components.addSchema("Links", links);
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                String id = operationId(operation.getSummary());
                if (!operationIds.add(id)) {
                    throw new IllegalStateException("Two operations are summarised as '" + operation.getSummary()
                            + "': the operation ids would clash.");
                }
                operation.setOperationId(id);
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        envelope(components, response);
                    }
                });
                OpenApiErrors.addTo(entry.getKey(), operation, hasId);
                typePaging(operation);
                operation.addParameter(header(
                        ApiVersions.HEADER,
                        "The API version to speak, one of " + String.join(", ", ApiVersions.SUPPORTED)
                                + "; the newest when absent.",
                        ApiVersions.SUPPORTED));
                if (entry.getKey() == PathItem.HttpMethod.POST) {
                    operation.addParameter(header(
                            Idempotency.HEADER,
                            "Any unique string (8 to 255 characters): the same key within 24 hours answers the"
                                    + " first response again instead of acting twice.",
                            null));
                }
            }
        }
        List.copyOf(components.getSchemas().keySet()).stream()
                .filter(name -> name.startsWith(PAGE) || name.equals("ObjectNode"))
                .forEach(components::removeSchema);
        removeUnused(openAPI, components);
    }

    /** Drops the schemas only the removed Page schemas used (their cursor). */
    private static void removeUnused(OpenAPI openAPI, Components components) {
        Set<String> used = new HashSet<>();
        Deque<Schema> pending = new LinkedList<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()
                            .forEach(m -> pending.add(m.getSchema()));
                }
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(response -> response.getContent() != null)
                        .forEach(response -> response.getContent()
                                .getMediaTypes()
                                .values()
                                .forEach(m -> pending.add(m.getSchema())));
            }
        }
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(REF.length());
                if (used.add(name)) {
                    pending.add(components.getSchemas().get(name));
                }
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            pending.add(schema.getAdditionalPropertiesSchema());
            for (List<Schema> group : Arrays.asList(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())) {
                if (group != null) {
                    pending.addAll(group);
                }
            }
        }
        List.copyOf(components.getSchemas().keySet()).stream()
                .filter(name -> !used.contains(name))
                .forEach(components::removeSchema);
    }

    /** Lists read page and limit as text (to answer a bad one with its own message); the contract says numbers. */
    private static void typePaging(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.QUERY) {
                continue;
            }
            if (parameter.getName().equals("page")) {
                parameter
                        .schema(integer(1, Integer.MAX_VALUE / PageRequest.MAX_LIMIT, 1))
                        .description("The page to show, from 1 (numbered pages).");
            } else if (parameter.getName().equals("limit")) {
                parameter
                        .schema(integer(1, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT))
                        .description("How many objects a page holds.");
            }
        }
    }

    private static Schema integer(int minimum, int maximum, int fallback) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .minimum(java.math.BigDecimal.valueOf(minimum))
                .maximum(java.math.BigDecimal.valueOf(maximum))
                .defaultValue(fallback);
    }

    /** "List Media" → listMedia, "Sign a Source URL" → signASourceUrl. */
    static String operationId(String summary) {
        StringBuilder id = new StringBuilder();
        for (String word : summary.trim().split("[^A-Za-z0-9]+")) {
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            id.append(id.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return id.toString();
    }

    /** Replaces the answer's object (or Page of objects) with the envelope that carries it. */
    private static void envelope(Components components, APIResponse response) {
        MediaType json =
                response.getContent() == null ? null : response.getContent().getMediaType(JSON);
        String ref = json == null || json.getSchema() == null
                ? null
                : json.getSchema().getRef();
        if (ref == null) {
            return;
        }
        String name = ref.substring(REF.length());
        boolean list = name.startsWith(PAGE);
        String item = list
                ? components
                        .getSchemas()
                        .get(name)
                        .getProperties()
                        .get("items")
                        .getItems()
                        .getRef()
                        .substring(REF.length())
                : name;
        String wrapped = item + (list ? "List" : "Response");
        if (!components.getSchemas().containsKey(wrapped)) {
            Schema data = list
                    ? OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(ref(item))
                    : ref(item);
            components.addSchema(
                    wrapped,
                    object().description(list ? "A page of " + item + " objects." : "One " + item + ".")
                            .addProperty("meta", ref(META))
                            .addProperty("data", data)
                            .addProperty("links", ref("Links"))
                            .required(List.of("meta", "data", "links")));
        }
        json.setSchema(ref(wrapped));
    }

    private static Parameter header(String name, String description, List<String> values) {
        Schema schema = string();
        if (values != null) {
            schema.enumeration(List.copyOf(values));
        }
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .required(false)
                .description(description)
                .schema(schema);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(REF + name);
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema nullable(Schema schema) {
        return schema.addType(Schema.SchemaType.NULL);
    }
}
