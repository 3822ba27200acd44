package org.interdict.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Helm chart as Kubernetes would receive it: the manifests that scripts/helm-check.sh renders
 * into target/helm/ with the default values and with the production example. A missing rendering fails
 * the test rather than skipping it, because a skipped check would pass unnoticed.
 */
class HelmManifestsTest {

    private static final Path RENDERED = Path.of("target", "helm");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Names that suggest a credential; identifiers of keys (…_KEY_ID) are public. */
    private static final Pattern SENSITIVE = Pattern.compile(".*(PASSWORD|KEY|SECRET).*");
    private static final Pattern IDENTIFIER = Pattern.compile(".*_ID");

    /** Health and metrics: Quarkus' management interface. */
    private static final int MANAGEMENT_PORT = 9000;

    /** What the service reads from its environment (application.properties and the launcher). */
    private static final Set<String> REQUIRED_ENV = Set.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
            "REDIS_HOST", "REDIS_PORT", "OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_CLAIM", "PORT", "MANAGEMENT_PORT", "SIGNING_PRIVATE_KEY", "SIGNING_KEY_ID",
            "QUARKUS_SHUTDOWN_TIMEOUT", "JAVA_OPTS", "ZONE_ENABLED", "ZONE_PORT");

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void everyContainerHasProbesAndResources(String values) {
        for (JsonNode pod : podSpecs(values)) {
            for (JsonNode container : containers(pod)) {
                String where = values + ": container " + container.path("name").asText();
                assertThat(container.at("/startupProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/started");
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/live");
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/ready");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(where + ": " + probe + " port")
                            .isEqualTo("management");
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(container.path("resources").path(bound).path(resource).asText())
                                .as("%s: resources.%s.%s", where, bound, resource).isNotBlank();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void containersRunAsNonRootOnAReadOnlyFilesystem(String values) {
        for (JsonNode pod : podSpecs(values)) {
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(values + ": service account token")
                    .isFalse();
            for (JsonNode container : containers(pod)) {
                String where = values + ": container " + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                // A container's own setting wins over the pod's.
                JsonNode nonRoot = security.has("runAsNonRoot") ? security.get("runAsNonRoot")
                        : pod.at("/securityContext/runAsNonRoot");
                assertThat(nonRoot.asBoolean()).as(where + ": runAsNonRoot").isTrue();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(where + ": readOnlyRootFilesystem")
                        .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(where + ": allowPrivilegeEscalation")
                        .isFalse();
                assertThat(texts(security.at("/capabilities/drop"))).as(where + ": dropped capabilities").contains("ALL");
                // With a read-only root, /tmp must be a volume or the JVM and uploads have nowhere to write.
                assertThat(mountedVolume(pod, container, "/tmp").has("emptyDir")).as(where + ": /tmp is an emptyDir").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void secretsAreOnlyReferencedNeverRendered(String values) {
        List<JsonNode> manifests = manifests(values);
        assertThat(manifests).as(values + ": rendered Secrets").noneMatch(m -> "Secret".equals(m.path("kind").asText()));

        for (JsonNode configMap : ofKind(manifests, "ConfigMap")) {
            // A ConfigMap is readable by anyone who can read the namespace's configuration.
            fieldNames(configMap.path("data")).forEach(name -> assertThat(isSensitive(name))
                    .as("%s: ConfigMap %s holds %s", values, configMap.at("/metadata/name").asText(), name).isFalse());
        }
        for (JsonNode pod : podSpecs(values)) {
            for (JsonNode container : containers(pod)) {
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    if (!isSensitive(name)) {
                        continue;
                    }
                    String where = values + ": env " + name;
                    if (env.has("valueFrom")) {
                        assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).as(where + " from a Secret").isNotBlank();
                    } else {
                        // A literal is allowed only as the path of a file mounted from a Secret.
                        String path = env.path("value").asText();
                        assertThat(path).as(where + " must come from a Secret or name a mounted file").startsWith("/");
                        assertThat(mountedVolume(pod, container, path).has("secret"))
                                .as(where + ": %s lies on a volume mounted from a Secret", path).isTrue();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void theServiceGetsEverySettingItReads(String values) {
        List<JsonNode> manifests = manifests(values);
        for (JsonNode pod : podSpecs(values)) {
            for (JsonNode container : containers(pod)) {
                Set<String> names = new HashSet<>();
                container.path("env").forEach(env -> names.add(env.path("name").asText()));
                for (JsonNode source : container.path("envFrom")) {
                    String configMap = source.at("/configMapRef/name").asText();
                    ofKind(manifests, "ConfigMap").stream()
                            .filter(m -> m.at("/metadata/name").asText().equals(configMap))
                            .forEach(m -> names.addAll(fieldNames(m.path("data"))));
                }
                assertThat(names).as(values + ": environment of " + container.path("name").asText())
                        .containsAll(REQUIRED_ENV);
            }
        }
    }

    /** The JVM runs with the settings the service is measured with, as scripts/run.sh and the image do. */
    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void theJvmGetsTheMeasuredSettings(String values) throws IOException {
        String javaOpts = one(manifests(values), "ConfigMap").at("/data/JAVA_OPTS").asText();
        List<String> options = Files.readAllLines(Path.of("jvm.options")).stream().filter(l -> !l.isBlank()).toList();
        assertThat(options).isNotEmpty();
        assertThat(List.of(javaOpts.split(" "))).as(values + ": JAVA_OPTS").containsAll(options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void rolloutsAndShutdownsKeepServing(String values) {
        List<JsonNode> manifests = manifests(values);
        JsonNode deployment = one(manifests, "Deployment");
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1)).as(values + ": maxUnavailable")
                .isZero();

        JsonNode pod = deployment.at("/spec/template/spec");
        String timeout = one(manifests, "ConfigMap").at("/data/QUARKUS_SHUTDOWN_TIMEOUT").asText();
        long drainSeconds = Duration.parse("PT" + timeout.toUpperCase()).toSeconds();
        for (JsonNode container : containers(pod)) {
            JsonNode preStop = container.at("/lifecycle/preStop/exec/command");
            assertThat(texts(preStop)).as(values + ": preStop sleep").first().isEqualTo("sleep");
            long sleepSeconds = Long.parseLong(preStop.get(1).asText());
            assertThat(pod.path("terminationGracePeriodSeconds").asLong())
                    .as(values + ": grace period covers the preStop sleep and Quarkus' drain")
                    .isGreaterThan(sleepSeconds + drainSeconds);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void autoscalingDisruptionBudgetAndNetworkPolicyExist(String values) {
        List<JsonNode> manifests = manifests(values);
        JsonNode deployment = one(manifests, "Deployment");
        String name = deployment.at("/metadata/name").asText();
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

        JsonNode hpa = one(manifests, "HorizontalPodAutoscaler");
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).as(values + ": HPA target").isEqualTo(name);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).as(values + ": HPA metric").isEqualTo("cpu");

        JsonNode pdb = one(manifests, "PodDisruptionBudget");
        assertThat(pdb.at("/spec/minAvailable").asInt()).as(values + ": PDB minAvailable").isEqualTo(1);
        assertSelects(pdb.at("/spec/selector/matchLabels"), podLabels, values + ": PDB");

        JsonNode policy = one(manifests, "NetworkPolicy");
        assertSelects(policy.at("/spec/podSelector/matchLabels"), podLabels, values + ": NetworkPolicy");
        assertThat(texts(policy.at("/spec/policyTypes"))).as(values + ": policy types").contains("Ingress", "Egress");
        assertThat(policy.at("/spec/ingress/0/ports/0/port").asInt()).as(values + ": ingress port").isEqualTo(8080);
        assertThat(policy.at("/spec/ingress/1/ports/0/port").asInt()).as(values + ": management ingress port")
                .isEqualTo(MANAGEMENT_PORT);
    }

    /** Health and metrics (which name every ISP) are on the management port, which the API's Service never exposes. */
    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void healthAndMetricsAreOnTheManagementPortOnly(String values) {
        List<JsonNode> manifests = manifests(values);
        JsonNode configMap = one(manifests, "ConfigMap");
        assertThat(configMap.at("/data/MANAGEMENT_PORT").asText()).as(values + ": MANAGEMENT_PORT")
                .isEqualTo(String.valueOf(MANAGEMENT_PORT));
        for (JsonNode pod : podSpecs(values)) {
            JsonNode container = containers(pod).get(0);
            assertThat(portNumbers(container.path("ports"), "management", "containerPort")).as(values + ": container port")
                    .containsExactly(MANAGEMENT_PORT);
        }

        List<JsonNode> services = ofKind(manifests, "Service");
        JsonNode api = service(services, "api");
        JsonNode management = service(services, "management");
        assertThat(StreamSupport.stream(api.at("/spec/ports").spliterator(), false).map(p -> p.path("targetPort").asText()))
                .as(values + ": the API Service's target ports").containsExactly("http");
        assertThat(portNumbers(management.at("/spec/ports"), "management", "port")).as(values + ": management Service")
                .containsExactly(MANAGEMENT_PORT);
        assertThat(management.at("/spec/type").asText()).as(values + ": management Service type").isEqualTo("ClusterIP");
        assertThat(api.at("/metadata/annotations").has("prometheus.io/scrape")).as(values + ": API Service scraped")
                .isFalse();
    }

    /** Production serves zone transfers on port 53, TCP and UDP, from the container's unprivileged port. */
    @Test
    void productionServesZoneTransfersOnPort53TcpAndUdp() {
        List<JsonNode> manifests = manifests("production");
        JsonNode configMap = one(manifests, "ConfigMap");
        assertThat(configMap.at("/data/ZONE_ENABLED").asText()).isEqualTo("true");
        int containerPort = Integer.parseInt(configMap.at("/data/ZONE_PORT").asText());
        assertThat(containerPort).as("unprivileged container port").isGreaterThan(1024);
        JsonNode container = containers(one(manifests, "Deployment").at("/spec/template/spec")).get(0);
        assertThat(portNumbers(container.path("ports"), "dns-tcp", "containerPort")).containsExactly(containerPort);
        assertThat(portNumbers(container.path("ports"), "dns-udp", "containerPort")).containsExactly(containerPort);
        JsonNode key = StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> "KEY_ENCRYPTION_KEY".equals(e.path("name").asText())).findFirst().orElseThrow();
        assertThat(key.at("/valueFrom/secretKeyRef/name").asText()).as("key-encryption key from a Secret")
                .isEqualTo("interdict-zone");

        JsonNode dns = service(ofKind(manifests, "Service"), "dns");
        assertThat(dns.at("/spec/type").asText()).isEqualTo("LoadBalancer");
        assertSelects(dns.at("/spec/selector"), one(manifests, "Deployment").at("/spec/template/metadata/labels"),
                "DNS Service");
        List<String> ports = StreamSupport.stream(dns.at("/spec/ports").spliterator(), false)
                .map(p -> p.path("port").asInt() + "/" + p.path("protocol").asText() + "->" + p.path("targetPort").asText())
                .toList();
        assertThat(ports).containsExactlyInAnyOrder("53/TCP->dns-tcp", "53/UDP->dns-udp");

        JsonNode listener = one(manifests, "NetworkPolicy").at("/spec/ingress/2");
        assertThat(StreamSupport.stream(listener.path("ports").spliterator(), false)
                .map(p -> p.path("port").asInt() + "/" + p.path("protocol").asText()))
                .containsExactlyInAnyOrder(containerPort + "/TCP", containerPort + "/UDP");
        assertThat(listener.path("from")).as("resolvers admitted").isNotEmpty();
    }

    @Test
    void byDefaultTheDnsListenerIsOff() {
        List<JsonNode> manifests = manifests("default");
        assertThat(one(manifests, "ConfigMap").at("/data/ZONE_ENABLED").asText()).isEqualTo("false");
        assertThat(ofKind(manifests, "Service")).noneMatch(s -> "dns".equals(
                s.at("/metadata/labels/app.kubernetes.io~1component").asText()));
        JsonNode container = containers(one(manifests, "Deployment").at("/spec/template/spec")).get(0);
        assertThat(container.path("env").findValuesAsText("name")).doesNotContain("KEY_ENCRYPTION_KEY");
    }

    @Test
    void byDefaultPrometheusFindsTheManagementServiceByItsAnnotations() {
        JsonNode annotations = service(ofKind(manifests("default"), "Service"), "management").at("/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(MANAGEMENT_PORT));
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
    }

    @Test
    void productionAdmitsOnlyPrometheusToTheManagementPort() {
        JsonNode policy = one(manifests("production"), "NetworkPolicy");
        JsonNode from = policy.at("/spec/ingress/1/from");
        assertThat(from).as("production management sources").hasSize(1);
        assertThat(from.at("/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("prometheus");
    }

    @Test
    void productionRunsThreeReplicasAndScalesToTen() {
        List<JsonNode> manifests = manifests("production");
        assertThat(one(manifests, "Deployment").at("/spec/replicas").asInt()).as("production replicas").isEqualTo(3);
        JsonNode hpa = one(manifests, "HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/minReplicas").asInt()).as("production HPA floor").isEqualTo(3);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).as("production HPA ceiling").isEqualTo(10);
    }

    @Test
    void productionRestrictsWhoMayCallTheApi() {
        JsonNode policy = one(manifests("production"), "NetworkPolicy");
        assertThat(policy.at("/spec/ingress/0/from")).as("production ingress sources").isNotEmpty();
    }

    @Test
    void onlyProductionIsScrapedThroughAServiceMonitor() {
        assertThat(ofKind(manifests("default"), "ServiceMonitor")).as("default ServiceMonitors").isEmpty();
        List<JsonNode> manifests = manifests("production");
        JsonNode monitor = one(manifests, "ServiceMonitor");
        assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        // It selects the management Service and not the API's, and scrapes it once (no annotations as well).
        JsonNode selector = monitor.at("/spec/selector/matchLabels");
        List<JsonNode> services = ofKind(manifests, "Service");
        assertSelects(selector, service(services, "management").at("/metadata/labels"), "ServiceMonitor");
        assertThat(selects(selector, service(services, "api").at("/metadata/labels"))).as("selects the API Service")
                .isFalse();
        assertThat(service(services, "management").at("/metadata/annotations").has("prometheus.io/scrape"))
                .as("production management Service annotated as well").isFalse();
    }

    private static boolean isSensitive(String name) {
        return SENSITIVE.matcher(name).matches() && !IDENTIFIER.matcher(name).matches();
    }

    /** The Service of the component (api or management). */
    private static JsonNode service(List<JsonNode> services, String component) {
        List<JsonNode> found = services.stream()
                .filter(s -> component.equals(s.at("/metadata/labels/app.kubernetes.io~1component").asText())).toList();
        assertThat(found).as("Services of component " + component).hasSize(1);
        return found.get(0);
    }

    private static List<Integer> portNumbers(JsonNode ports, String name, String field) {
        return StreamSupport.stream(ports.spliterator(), false).filter(p -> name.equals(p.path("name").asText()))
                .map(p -> p.path(field).asInt()).toList();
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        List<String> mismatched = new ArrayList<>();
        selector.fields().forEachRemaining(label -> {
            if (!labels.path(label.getKey()).asText().equals(label.getValue().asText())) {
                mismatched.add(label.getKey());
            }
        });
        return mismatched.isEmpty();
    }

    private static void assertSelects(JsonNode selector, JsonNode podLabels, String what) {
        assertThat(selector).as(what + " selector").isNotEmpty();
        selector.fields().forEachRemaining(label -> assertThat(podLabels.path(label.getKey()).asText())
                .as("%s selects pod label %s", what, label.getKey()).isEqualTo(label.getValue().asText()));
    }

    /** The volume mounted at the deepest mount path that contains {@code path}. */
    private static JsonNode mountedVolume(JsonNode pod, JsonNode container, String path) {
        String volume = null;
        int depth = -1;
        for (JsonNode mount : container.path("volumeMounts")) {
            String at = mount.path("mountPath").asText();
            boolean contains = path.equals(at) || path.startsWith(at.endsWith("/") ? at : at + "/");
            if (contains && at.length() > depth) {
                volume = mount.path("name").asText();
                depth = at.length();
            }
        }
        for (JsonNode candidate : pod.path("volumes")) {
            if (candidate.path("name").asText().equals(volume)) {
                return candidate;
            }
        }
        return fail("no volume is mounted at %s in container %s", path, container.path("name").asText());
    }

    private static List<JsonNode> podSpecs(String values) {
        List<JsonNode> pods = new ArrayList<>();
        for (JsonNode manifest : manifests(values)) {
            JsonNode pod = manifest.at("/spec/template/spec");
            if (pod.isObject()) {
                pods.add(pod);
            }
        }
        assertThat(pods).as(values + ": workloads").isNotEmpty();
        return pods;
    }

    private static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> all = new ArrayList<>();
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        assertThat(all).as("containers").isNotEmpty();
        return all;
    }

    private static JsonNode one(List<JsonNode> manifests, String kind) {
        List<JsonNode> found = ofKind(manifests, kind);
        assertThat(found).as("rendered %s objects", kind).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> manifests(String values) {
        Path file = RENDERED.resolve(values + ".yaml");
        if (!Files.isRegularFile(file)) {
            fail("%s is missing: run scripts/helm-check.sh first (scripts/test.sh does so before Maven)", file);
        }
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            // Templates switched off by their values render as empty documents.
            List<JsonNode> manifests = documents.readAll().stream().filter(JsonNode::isObject).toList();
            assertThat(manifests).as("manifests in " + file).isNotEmpty();
            return manifests;
        } catch (IOException e) {
            return fail("cannot parse %s: %s", file, e.getMessage());
        }
    }
}
