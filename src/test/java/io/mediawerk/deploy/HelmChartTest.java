package io.mediawerk.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm chart, linted and rendered by Helm itself (helm-java runs Helm's Go code in-process), and the plain
 * manifests rendered from it. {@code -Dmediawerk.deploy.render=true} rewrites {@code deploy/k8s/mediawerk.yaml}.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("deploy/helm/mediawerk").toAbsolutePath();
    private static final Path CI_VALUES = CHART.resolve("ci-values.yaml");
    private static final Path RENDERED = Path.of("deploy/k8s/mediawerk.yaml").toAbsolutePath();
    private static final String RENDERED_HEADER = """
            # Plain Kubernetes manifests of Mediawerk, rendered from the Helm chart deploy/helm/mediawerk with
            # deploy/helm/mediawerk/ci-values.yaml, release name "mediawerk", namespace "mediawerk".
            # Do not edit: HelmChartTest fails when this file differs from a fresh render. Regenerate it with
            #   ./mvnw -o -q test -Dtest=HelmChartTest -Dmediawerk.deploy.render=true
            # (with the helm CLI: helm template mediawerk deploy/helm/mediawerk -n mediawerk -f deploy/helm/mediawerk/ci-values.yaml).
            # Before applying: the namespace mediawerk, and the Secrets mediawerk-database (keys username, password),
            # mediawerk-s3 (access-key-id, secret-access-key), mediawerk-app (signing-secret, optional admin-key)
            # and mediawerk-tls; KEDA for the ScaledObject.
            """;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> ROLES = List.of("api", "worker", "dispatcher");
    /** Each role's Kafka consumers, by channel (MP_MESSAGING_INCOMING_<channel>_ENABLED). */
    private static final Map<String, Map<String, String>> CONSUMERS = Map.of(
            "api", Map.of("TRANSFORMS", "false", "INGEST", "false", "INTELLIGENCE", "false", "EVENTS", "false"),
            "worker", Map.of("TRANSFORMS", "true", "INGEST", "true", "INTELLIGENCE", "true", "EVENTS", "false"),
            "dispatcher", Map.of("TRANSFORMS", "false", "INGEST", "false", "INTELLIGENCE", "false", "EVENTS", "true"));
    /** Secret env vars and the existing Secret each comes from in ci-values.yaml. */
    private static final Map<String, String> SECRET_ENV = Map.of(
            "QUARKUS_DATASOURCE_USERNAME", "mediawerk-database",
            "QUARKUS_DATASOURCE_PASSWORD", "mediawerk-database",
            "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", "mediawerk-s3",
            "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "mediawerk-s3",
            "MEDIAWERK_SIGNING_SECRET", "mediawerk-app",
            "MEDIAWERK_ADMIN_KEY", "mediawerk-app");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|key|token).*");

    private static String ciRender;
    private static List<JsonNode> ci;

    @BeforeAll
    static void renderWithCiValues() {
        ciRender = template().withValuesFile(CI_VALUES).call();
        ci = manifests(ciRender);
    }

    @Test
    void lintPassesWithDefaultValues() {
        assertLintPasses(new Helm(CHART).lint().strict().call());
    }

    @Test
    void lintPassesWithCiValues(@TempDir Path dir) throws IOException {
        // helm-java's lint takes no values file: lint a copy whose values.yaml has ci-values.yaml merged in.
        Path chart = copyChart(dir.resolve("mediawerk"));
        ObjectNode values =
                (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
        merge(values, YAML.readTree(CI_VALUES.toFile()));
        YAML.writeValue(chart.resolve("values.yaml").toFile(), values);

        assertLintPasses(new Helm(chart).lint().strict().call());
    }

    @Test
    void eachRoleIsADeploymentRunningItsConsumers() {
        List<JsonNode> deployments = ofKind(ci, "Deployment");
        assertThat(deployments)
                .extracting(d -> d.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("mediawerk-api", "mediawerk-worker", "mediawerk-dispatcher");

        for (String role : ROLES) {
            JsonNode deployment = named(deployments, "mediawerk-" + role);
            JsonNode pod = deployment.at("/spec/template");
            assertThat(pod.at("/metadata/labels/app.kubernetes.io~1component").asText())
                    .isEqualTo(role);
            assertThat(deployment
                            .at("/spec/selector/matchLabels/app.kubernetes.io~1component")
                            .asText())
                    .isEqualTo(role);
            assertThat(pod.at("/metadata/annotations/checksum~1config").asText())
                    .matches("[0-9a-f]{64}");

            JsonNode container = onlyContainer(deployment);
            assertThat(container.at("/image").asText()).isEqualTo("registry.example.com/mediawerk/mediawerk:0.1.0");
            assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("mediawerk");
            Map<String, JsonNode> env = env(container);
            CONSUMERS
                    .get(role)
                    .forEach((channel, enabled) -> assertThat(env.get("MP_MESSAGING_INCOMING_" + channel + "_ENABLED")
                                    .at("/value")
                                    .asText())
                            .as("%s: %s", role, channel)
                            .isEqualTo(enabled));
            assertThat(env.get("JAVA_OPTS").at("/value").asText())
                    .as("a JVM out of heap exits and is restarted")
                    .contains("-XX:+ExitOnOutOfMemoryError");

            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(List.of("startupProbe", "readinessProbe", "livenessProbe"))
                    .allSatisfy(probe -> assertThat(
                                    container.at("/" + probe + "/httpGet/port").asText())
                            .isEqualTo("http"));
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);

            assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
            assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();

            assertNonRoot(pod.at("/spec"), container);
            assertThat(pod.at("/spec/automountServiceAccountToken").asBoolean(true))
                    .isFalse();
        }

        JsonNode worker = onlyContainer(named(deployments, "mediawerk-worker"));
        assertThat(env(worker)
                        .get("MEDIAWERK_TRANSFORMS_CONCURRENCY")
                        .at("/value")
                        .asText())
                .isEqualTo("1");
        assertThat(named(deployments, "mediawerk-api")
                        .at("/spec/template/spec/terminationGracePeriodSeconds")
                        .asInt())
                .isEqualTo(45);
        assertThat(onlyContainer(named(deployments, "mediawerk-api"))
                        .at("/lifecycle/preStop/exec/command")
                        .toString())
                .isEqualTo("[\"sleep\",\"5\"]");
        assertThat(named(deployments, "mediawerk-worker")
                        .at("/spec/template/spec/terminationGracePeriodSeconds")
                        .asInt())
                .isEqualTo(120);
        assertThat(named(deployments, "mediawerk-dispatcher")
                        .at("/spec/template/spec/terminationGracePeriodSeconds")
                        .asInt())
                .isEqualTo(30);
        // The HPA and KEDA set these replicas.
        assertThat(named(deployments, "mediawerk-api").at("/spec/replicas").isMissingNode())
                .isTrue();
        assertThat(named(deployments, "mediawerk-worker").at("/spec/replicas").isMissingNode())
                .isTrue();
        assertThat(named(deployments, "mediawerk-dispatcher")
                        .at("/spec/replicas")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void onlyTheApiHasAServiceAndAnIngress() {
        List<JsonNode> services = ofKind(ci, "Service");
        assertThat(services).hasSize(1);
        JsonNode service = services.get(0);
        assertThat(service.at("/metadata/name").asText()).isEqualTo("mediawerk-api");
        assertThat(service.at("/spec/selector/app.kubernetes.io~1component").asText())
                .isEqualTo("api");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");

        List<JsonNode> ingresses = ofKind(ci, "Ingress");
        assertThat(ingresses).hasSize(1);
        JsonNode ingress = ingresses.get(0);
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("mediawerk-tls");
        assertThat(ingress.at("/spec/tls/0/hosts").toString()).isEqualTo("[\"media-api.example.com\"]");
        assertThat(ingress.at("/spec/rules").findValuesAsText("host"))
                .containsExactly("media-api.example.com", "media.customer.example");
        assertThat(ingress.at("/spec/rules").findValuesAsText("name")).containsOnly("mediawerk-api", "http");
    }

    @Test
    void eachRoleHasADisruptionBudgetAndOnlyTheApiAnHpa() {
        assertThat(ofKind(ci, "PodDisruptionBudget"))
                .extracting(pdb -> pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1component")
                        .asText())
                .containsExactlyInAnyOrderElementsOf(ROLES);

        List<JsonNode> hpas = ofKind(ci, "HorizontalPodAutoscaler");
        assertThat(hpas).hasSize(1);
        JsonNode hpa = hpas.get(0);
        assertThat(hpa.at("/apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("mediawerk-api");
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    }

    @Test
    void kedaScalesTheWorkerOnTransformLag() {
        List<JsonNode> scaledObjects = ofKind(ci, "ScaledObject");
        assertThat(scaledObjects).hasSize(1);
        JsonNode scaled = scaledObjects.get(0);
        assertThat(scaled.at("/apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
        assertThat(scaled.at("/spec/scaleTargetRef/name").asText()).isEqualTo("mediawerk-worker");
        assertThat(scaled.at("/spec/maxReplicaCount").asInt())
                .as("kafka.partitions")
                .isEqualTo(12);
        JsonNode trigger = scaled.at("/spec/triggers/0");
        assertThat(trigger.at("/type").asText()).isEqualTo("kafka");
        assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo("mediawerk-transform");
        assertThat(trigger.at("/metadata/topic").asText()).isEqualTo("mediawerk.transform");
    }

    @Test
    void secretsComeFromTheExistingSecrets() {
        assertThat(ofKind(ci, "Secret")).isEmpty();
        for (JsonNode deployment : ofKind(ci, "Deployment")) {
            Map<String, JsonNode> env = env(onlyContainer(deployment));
            assertThat(env).containsKeys(SECRET_ENV.keySet().toArray(String[]::new));
            SECRET_ENV.forEach((name, secret) -> {
                assertThat(env.get(name).has("value")).as(name).isFalse();
                assertThat(env.get(name).at("/valueFrom/secretKeyRef/name").asText())
                        .as(name)
                        .isEqualTo(secret);
            });
        }
        JsonNode config = ofKind(ci, "ConfigMap").get(0).get("data");
        assertThat(SECRET_ENV.keySet()).noneMatch(config::has);
    }

    @Test
    void secretsGivenAtInstallGoIntoTheChartsSecret() {
        Map<String, String> secrets = Map.of(
                "database.username", "mediawerk",
                "database.password", "pw-" + UUID.randomUUID(),
                "s3.credentials.accessKeyId", "ak-" + UUID.randomUUID(),
                "s3.credentials.secretAccessKey", "sk-" + UUID.randomUUID(),
                "appSecrets.signingSecret", "signing-" + UUID.randomUUID(),
                "appSecrets.adminKey", "mwk_" + UUID.randomUUID().toString().replace("-", ""));
        TemplateCommand command = withRequiredSettings(template());
        secrets.forEach(command::set);
        List<JsonNode> rendered = manifests(command.call());

        List<JsonNode> secretObjects = ofKind(rendered, "Secret");
        assertThat(secretObjects).hasSize(1);
        JsonNode secret = secretObjects.get(0);
        assertThat(secret.at("/metadata/name").asText()).isEqualTo("mediawerk");
        Map<String, String> data = new LinkedHashMap<>();
        secret.get("data")
                .properties()
                .forEach(e -> data.put(
                        e.getKey(),
                        new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
        assertThat(data.values()).containsExactlyInAnyOrderElementsOf(secrets.values());

        for (JsonNode deployment : ofKind(rendered, "Deployment")) {
            Map<String, JsonNode> env = env(onlyContainer(deployment));
            for (String name : SECRET_ENV.keySet()) {
                JsonNode ref = env.get(name).at("/valueFrom/secretKeyRef");
                assertThat(ref.at("/name").asText()).as(name).isEqualTo("mediawerk");
                assertThat(data).as(name).containsKey(ref.at("/key").asText());
            }
            assertThat(deployment
                            .at("/spec/template/metadata/annotations/checksum~1secret")
                            .asText())
                    .matches("[0-9a-f]{64}");
        }
        String outsideTheSecret = rendered.stream()
                .filter(m -> !m.at("/kind").asText().equals("Secret"))
                .map(JsonNode::toString)
                .reduce("", String::concat);
        assertThat(secrets.values()).filteredOn(v -> !v.equals("mediawerk")).noneMatch(outsideTheSecret::contains);
    }

    @Test
    void s3NeedsNoSecretWithTheDefaultCredentialsChain() {
        List<JsonNode> rendered = manifests(withSecrets(withRequiredSettings(template()))
                .set("s3.credentials.type", "default")
                .set("s3.credentials.accessKeyId", "")
                .set("s3.credentials.secretAccessKey", "")
                .call());
        for (JsonNode deployment : ofKind(rendered, "Deployment")) {
            assertThat(env(onlyContainer(deployment)))
                    .doesNotContainKeys(
                            "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
                            "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY");
        }
        assertThat(ofKind(rendered, "ConfigMap")
                        .get(0)
                        .at("/data/QUARKUS_S3_AWS_CREDENTIALS_TYPE")
                        .asText())
                .isEqualTo("default");
    }

    @Test
    void valuesYamlHoldsNoSecret() throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        walk("", YAML.readTree(CHART.resolve("values.yaml").toFile()), (path, value) -> {
            if (SECRET_NAME.matcher(path.substring(path.lastIndexOf('.') + 1)).matches()) {
                checked.add(path);
                if (!blank(value)) {
                    filled.add(path);
                }
            }
        });
        assertThat(checked)
                .contains(".database.password", ".appSecrets.signingSecret", ".s3.credentials.secretAccessKey");
        assertThat(filled).isEmpty();
    }

    @Test
    void renderingFailsWithoutTheDatabasePasswordOrTheSigningSecret() {
        assertThatThrownBy(() -> withRequiredSettings(template())
                        .set("appSecrets.signingSecret", "s".repeat(32))
                        .call())
                .hasMessageContaining("mediawerk: no database credentials");
        assertThatThrownBy(() -> withRequiredSettings(template())
                        .set("database.username", "mediawerk")
                        .set("database.password", "pw")
                        .set("s3.credentials.accessKeyId", "ak")
                        .set("s3.credentials.secretAccessKey", "sk")
                        .call())
                .hasMessageContaining("mediawerk: no signing secret");
        assertThatThrownBy(() -> withRequiredSettings(template())
                        .set("database.username", "mediawerk")
                        .set("database.password", "pw")
                        .set("appSecrets.signingSecret", "s".repeat(32))
                        .call())
                .hasMessageContaining("mediawerk: no S3 credentials");
    }

    @Test
    void kedaIsOffByDefault() {
        List<JsonNode> rendered =
                manifests(withSecrets(withRequiredSettings(template())).call());
        assertThat(ofKind(rendered, "ScaledObject")).isEmpty();
        assertThat(named(ofKind(rendered, "Deployment"), "mediawerk-worker")
                        .at("/spec/replicas")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void renderedManifestsAreTheChartsWithCiValues() throws IOException {
        if (Boolean.getBoolean("mediawerk.deploy.render")) {
            Files.writeString(RENDERED, RENDERED_HEADER + ciRender);
        }
        String body = Files.readString(RENDERED)
                .lines()
                .dropWhile(line -> line.startsWith("#"))
                .reduce(new StringBuilder(), (text, line) -> text.append(line).append('\n'), StringBuilder::append)
                .toString();
        assertThat(body)
                .as("deploy/k8s/mediawerk.yaml is out of date: regenerate it with"
                        + " ./mvnw -o -q test -Dtest=HelmChartTest -Dmediawerk.deploy.render=true")
                .isEqualTo(ciRender.endsWith("\n") ? ciRender : ciRender + "\n");
    }

    // Helm

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("mediawerk").withNamespace("mediawerk");
    }

    /** The settings without defaults that are not secrets. */
    private static TemplateCommand withRequiredSettings(TemplateCommand command) {
        return command.set("publicBaseUrl", "https://media-api.example.com")
                .set("database.url", "postgresql://db:5432/mediawerk")
                .set("kafka.bootstrapServers", "kafka:9092");
    }

    private static TemplateCommand withSecrets(TemplateCommand command) {
        return command.set("database.username", "mediawerk")
                .set("database.password", "pw-" + UUID.randomUUID())
                .set("s3.credentials.accessKeyId", "ak")
                .set("s3.credentials.secretAccessKey", "sk-" + UUID.randomUUID())
                .set("appSecrets.signingSecret", "signing-" + UUID.randomUUID());
    }

    private static void assertLintPasses(LintResult lint) {
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    }

    private static Path copyChart(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** Helm's way of applying a values file: maps merge key by key, anything else replaces. */
    private static void merge(ObjectNode into, JsonNode from) {
        from.properties().forEach(e -> {
            if (into.get(e.getKey()) instanceof ObjectNode target
                    && e.getValue().isObject()) {
                merge(target, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    // Manifests

    private static List<JsonNode> manifests(String yaml) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
                    .filter(JsonNode::isObject)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Helm rendered invalid YAML", e);
        }
    }

    private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream()
                .filter(m -> m.at("/kind").asText().equals(kind))
                .toList();
    }

    private static JsonNode named(List<JsonNode> manifests, String name) {
        return manifests.stream()
                .filter(m -> m.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode onlyContainer(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.at("/env").forEach(var -> env.put(var.at("/name").asText(), var));
        return env;
    }

    private static void assertNonRoot(JsonNode podSpec, JsonNode container) {
        assertThat(podSpec.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSpec.at("/securityContext/runAsUser").asInt()).isEqualTo(1001);
        assertThat(podSpec.at("/securityContext/runAsGroup").asInt()).isEqualTo(1001);
        JsonNode security = container.at("/securityContext");
        assertThat(security.at("/runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.at("/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.at("/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");

        Map<String, String> mounts = new LinkedHashMap<>();
        container
                .at("/volumeMounts")
                .forEach(m ->
                        mounts.put(m.at("/mountPath").asText(), m.at("/name").asText()));
        assertThat(mounts).containsOnlyKeys("/tmp", "/work");
        Set<String> emptyDirs = new HashSet<>();
        podSpec.at("/volumes").forEach(v -> {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.at("/name").asText());
            }
        });
        assertThat(emptyDirs).containsAll(mounts.values());
    }

    // values.yaml

    private static void walk(String path, JsonNode node, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                visit.accept(path + "." + e.getKey(), e.getValue());
                walk(path + "." + e.getKey(), e.getValue(), visit);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), visit);
            }
        }
    }

    /** Empty: null, "", or a map or list of nothing but empty values. */
    private static boolean blank(JsonNode value) {
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                if (!blank(child)) {
                    return false;
                }
            }
            return true;
        }
        return value.isNull() || value.asText().isEmpty();
    }
}
