package io.mediawerk.workflow.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.KindOptions;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a workflow's {@code steps} and checks how they fit together. Every problem is a 400 whose param is the
 * field's path ({@code steps[1].next[0].input}) and whose message names the step by path and label.
 */
public final class DefinitionParser {

    public static final int MAX_STEPS = 50;
    static final int MAX_DEPTH = 4;
    static final int MAX_CONDITIONS = 20;
    private static final Set<String> WORK_FIELDS = Set.of("kind", "label", "input", "options");
    private static final Set<String> CONDITIONS_FIELDS = Set.of("kind", "label", "conditions", "next", "else");

    private final List<WorkflowStep> steps = new ArrayList<>();
    private final Map<String, WorkflowStep> byLabel = new HashMap<>();

    private DefinitionParser() {}

    public static Definition parse(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.invalid(
                    "steps",
                    "Field 'steps' is required: a list of steps, e.g. [{\"kind\": "
                            + "\"image\", \"label\": \"poster\"}].");
        }
        DefinitionParser parser = new DefinitionParser();
        ArrayNode json = parser.list(node, "steps", null, false, 1);
        StepInputs inputs = new StepInputs(parser.steps, parser.byLabel);
        parser.steps.forEach(inputs::check);
        return new Definition(List.copyOf(parser.steps), json);
    }

    private ArrayNode list(JsonNode node, String container, WorkflowStep parent, boolean inElse, int depth) {
        if (!node.isArray()) {
            throw ApiException.badRequest(
                    "invalid_type", "Field '" + container + "' must be a list of steps.", container);
        }
        if (node.isEmpty()) {
            throw ApiException.invalid(
                    container,
                    container.equals("steps")
                            ? "A workflow needs at least one step."
                            : "'" + container + "' needs at least one step; leave it out if nothing should run there.");
        }
        if (depth > MAX_DEPTH) {
            throw ApiException.invalid(container, "Conditions may be nested " + MAX_DEPTH + " deep at most.");
        }
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            json.add(step(node.get(i), container + "[" + i + "]", container, parent, inElse, depth));
        }
        return json;
    }

    private ObjectNode step(
            JsonNode node, String path, String container, WorkflowStep parent, boolean inElse, int depth) {
        if (steps.size() >= MAX_STEPS) {
            throw ApiException.invalid(path, "A workflow has at most " + MAX_STEPS + " steps, branches included.");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("invalid_type", "Step " + path + " must be a JSON object with a kind.", path);
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw ApiException.invalid(
                    path + ".kind", "Step " + path + ": 'kind' is required, one of " + StepFamily.kinds() + ".");
        }
        String kind = kindNode.textValue();
        StepFamily family = StepFamily.of(kind);
        if (family == null) {
            throw ApiException.invalid(
                    path + ".kind",
                    "Step " + path + ": unknown kind '" + kind + "'; use one of " + StepFamily.kinds() + ".");
        }
        String label = label(node, path, family == StepFamily.CONDITIONS ? null : kind);
        StepErrors errors = new StepErrors(label == null ? path : path + " ('" + label + "')");
        return family == StepFamily.CONDITIONS
                ? conditionsStep((ObjectNode) node, path, container, label, parent, inElse, depth, errors)
                : workStep((ObjectNode) node, path, container, kind, family, label, parent, inElse, errors);
    }

    private ObjectNode workStep(
            ObjectNode node,
            String path,
            String container,
            String kind,
            StepFamily family,
            String label,
            WorkflowStep parent,
            boolean inElse,
            StepErrors errors) {
        String input = null;
        JsonNode inputNode = node.get("input");
        if (inputNode != null && !inputNode.isNull()) {
            if (!inputNode.isTextual() || inputNode.textValue().isBlank()) {
                throw errors.invalid(
                        path + ".input",
                        "input must be the label of an earlier step, whose output "
                                + "this step reads; leave it out to read the media's original.");
            }
            input = inputNode.textValue();
        }
        ObjectNode options = options(node, path, errors);
        WorkflowStep step = new WorkflowStep(
                path,
                steps.size(),
                container,
                kind,
                family,
                label,
                input,
                options,
                List.of(),
                parent == null ? null : parent.path(),
                inElse);
        add(step, errors);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kind", kind);
        json.put("label", label);
        if (input != null) {
            json.put("input", input);
        }
        json.set("options", options);
        return json;
    }

    private ObjectNode conditionsStep(
            ObjectNode node,
            String path,
            String container,
            String label,
            WorkflowStep parent,
            boolean inElse,
            int depth,
            StepErrors errors) {
        allowOnly(
                node,
                CONDITIONS_FIELDS,
                path,
                errors,
                "a conditions step has kind, label, conditions, next " + "and else");
        JsonNode given = node.get("conditions");
        if (given == null || !given.isArray() || given.isEmpty() || given.size() > MAX_CONDITIONS) {
            throw errors.invalid(
                    path + ".conditions",
                    "conditions must be a list of 1 to " + MAX_CONDITIONS
                            + " tests such as {\"prop\": \"kind\", \"value\": \"video\"}, all of which must hold for "
                            + "'next' to run.");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            conditions.add(Condition.parse(given.get(i), path + ".conditions[" + i + "]", errors));
        }
        if (!node.has("next") || node.get("next").isNull()) {
            throw errors.invalid(path + ".next", "next is required: the steps that run when the conditions hold.");
        }
        WorkflowStep step = new WorkflowStep(
                path,
                steps.size(),
                container,
                StepFamily.CONDITIONS_KIND,
                StepFamily.CONDITIONS,
                label,
                null,
                null,
                List.copyOf(conditions),
                parent == null ? null : parent.path(),
                inElse);
        add(step, errors);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kind", StepFamily.CONDITIONS_KIND);
        if (label != null) {
            json.put("label", label);
        }
        ArrayNode conditionsJson = json.putArray("conditions");
        conditions.forEach(condition -> conditionsJson.add(condition.json()));
        json.set("next", list(node.get("next"), path + ".next", step, false, depth + 1));
        JsonNode otherwise = node.get("else");
        if (otherwise != null && !otherwise.isNull()) {
            json.set("else", list(otherwise, path + ".else", step, true, depth + 1));
        }
        return json;
    }

    private void add(WorkflowStep step, StepErrors errors) {
        if (step.label() != null) {
            WorkflowStep before = byLabel.putIfAbsent(step.label(), step);
            if (before != null) {
                throw errors.invalid(
                        step.path() + ".label",
                        "label '" + step.label() + "' is used by "
                                + before.path()
                                + " too; labels name steps and their outputs, so each step needs its own"
                                + (step.label().equals(step.kind())
                                        ? " (a step without a label is labelled with its kind)"
                                        : "")
                                + ".");
            }
        }
        steps.add(step);
    }

    /** The options, in {@code options} or beside {@code kind}; a 400 names the field by its path. */
    private static ObjectNode options(ObjectNode node, String path, StepErrors errors) {
        try {
            return KindOptions.of(node, WORK_FIELDS);
        } catch (ApiException e) {
            throw errors.invalid(path + "." + e.param(), e.getMessage());
        }
    }

    private static String label(JsonNode node, String path, String fallback) {
        JsonNode value = node.get("label");
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()
                || !SourceService.LABEL.matcher(value.textValue()).matches()
                || Source.ORIGINAL.equals(value.textValue())) {
            throw ApiException.invalid(
                    path + ".label",
                    "Step " + path + ": label must be 1 to 64 letters, digits, "
                            + "'.', '-' or '_', starting with a letter or digit, and not 'original'.");
        }
        return value.textValue();
    }

    private static void allowOnly(
            ObjectNode node, Set<String> allowed, String path, StepErrors errors, String explanation) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw errors.invalid(path + "." + name, "unknown field '" + name + "'; " + explanation + ".");
            }
        }
    }
}
