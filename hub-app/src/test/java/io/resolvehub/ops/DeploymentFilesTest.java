package io.resolvehub.ops;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference deployment in {@code deploy/} (Docker Compose, nginx, Kubernetes) without a Docker engine or a
 * Kubernetes API server: each file parses, every setting it gives the hub is one that docs/configuration.md or the
 * README documents, the port and probe paths are the hub's, and the manifests agree with each other (selectors and
 * labels, ports, the ConfigMap and Secret they read, the fields Kubernetes knows).
 */
class DeploymentFilesTest {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("`((?:hub|spring|server|management)\\.[a-z0-9.-]+)`");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):\\?");

    private final Path root = root();

    @Test
    void composeRunsTwoHubsBehindTheLoadBalancerOnDocumentedSettings() {
        Map<String, Object> compose = yaml(root.resolve("deploy/docker-compose.yml")).getFirst();
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKeys("postgres", "elasticsearch", "hub-1", "hub-2", "load-balancer");
        for (String hub : List.of("hub-1", "hub-2")) {
            Map<String, Object> service = map(services.get(hub));
            assertThat(String.valueOf(service.get("image"))).as(hub).startsWith("resolvehub:");
            assertDocumented(map(service.get("environment")).keySet(), hub);
            assertThat(map(service.get("environment"))).as(hub).containsEntry("HUB_SEARCH_BACKEND", "elasticsearch")
                    .containsKeys("SPRING_DATASOURCE_URL", "HUB_MASTER_KEY");
            assertThat(String.valueOf(map(service.get("healthcheck")).get("test")))
                    .contains("localhost:" + serverPort() + READINESS);
            assertThat(map(service.get("depends_on")).keySet()).as(hub).allSatisfy(dependency ->
                    assertThat(services).containsKey(dependency));
            assertThat(String.valueOf(service.get("volumes"))).as(hub + " has its own data volume").contains(hub + "-data");
        }
        assertThat(map(services.get("hub-2")).get("environment")).isEqualTo(map(services.get("hub-1")).get("environment"));
        assertThat(map(compose.get("volumes"))).containsKeys("postgres-data", "elasticsearch-data", "hub-1-data", "hub-2-data");

        String deployment = read(root.resolve("docs/deployment.md"));
        Matcher variables = COMPOSE_VARIABLE.matcher(read(root.resolve("deploy/docker-compose.yml")));
        while (variables.find()) {
            assertThat(deployment).as("deployment.md says how to set " + variables.group(1))
                    .contains(variables.group(1) + "=");
        }
    }

    @Test
    void nginxBalancesOverTheHubServicesAndKeepsTheActuatorPrivate() {
        String nginx = read(root.resolve("deploy/nginx.conf"));
        Set<String> services = map(yaml(root.resolve("deploy/docker-compose.yml")).getFirst().get("services")).keySet();
        Matcher upstream = Pattern.compile("server (\\S+):(\\d+)").matcher(nginx);
        List<String> servers = new ArrayList<>();
        while (upstream.find()) {
            servers.add(upstream.group(1));
            assertThat(services).contains(upstream.group(1));
            assertThat(Integer.parseInt(upstream.group(2))).isEqualTo(serverPort());
        }
        assertThat(servers).containsExactly("hub-1", "hub-2");
        assertThat(nginx).contains("location /actuator/", "proxy_pass http://hub;");
        assertThat(braceBalance(nginx)).as("every block of nginx.conf is closed").isZero();
    }

    @Test
    void kubernetesManifestsAgreeWithEachOtherAndWithTheHub() {
        Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
        for (Path file : files(root.resolve("deploy/kubernetes"))) {
            for (Map<String, Object> object : yaml(file)) {
                String kind = String.valueOf(object.get("kind"));
                assertThat(object.get("apiVersion")).as(file + " " + kind).isEqualTo(switch (kind) {
                    case "ConfigMap", "Secret", "Service" -> "v1";
                    case "Deployment" -> "apps/v1";
                    case "PodDisruptionBudget" -> "policy/v1";
                    default -> throw new AssertionError(file + ": unexpected kind " + kind);
                });
                assertThat(map(object.get("metadata")).get("name")).as(file.toString()).isEqualTo("resolvehub");
                byKind.put(kind, object);
            }
        }
        assertThat(byKind).containsKeys("ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget");

        Map<String, Object> deployment = map(byKind.get("Deployment").get("spec"));
        Map<String, Object> template = map(deployment.get("template"));
        Map<String, Object> podLabels = map(map(template.get("metadata")).get("labels"));
        assertThat(podLabels).containsAllEntriesOf(map(map(deployment.get("selector")).get("matchLabels")));
        assertThat(podLabels).containsAllEntriesOf(map(map(byKind.get("Service").get("spec")).get("selector")));
        assertThat(podLabels).containsAllEntriesOf(
                map(map(map(byKind.get("PodDisruptionBudget").get("spec")).get("selector")).get("matchLabels")));
        assertThat((Integer) deployment.get("replicas")).isGreaterThanOrEqualTo(2);

        Map<String, Object> pod = map(template.get("spec"));
        assertThat(pod.keySet()).isSubsetOf("securityContext", "terminationGracePeriodSeconds", "containers", "volumes");
        Map<String, Object> hub = map(list(pod.get("containers")).getFirst());
        assertThat(hub.keySet()).isSubsetOf("name", "image", "ports", "envFrom", "env", "volumeMounts", "startupProbe",
                "livenessProbe", "readinessProbe", "lifecycle", "resources");
        Map<String, Object> port = map(list(hub.get("ports")).getFirst());
        assertThat(port).containsEntry("containerPort", serverPort());
        assertThat(map(list(map(byKind.get("Service").get("spec")).get("ports")).getFirst()))
                .containsEntry("targetPort", port.get("name"));
        assertProbe(hub, "startupProbe", LIVENESS, port.get("name"));
        assertProbe(hub, "livenessProbe", LIVENESS, port.get("name"));
        assertProbe(hub, "readinessProbe", READINESS, port.get("name"));
        assertThat(String.valueOf(hub.get("envFrom")))
                .contains("configMapRef={name=resolvehub}", "secretRef={name=resolvehub}");
        Set<String> volumes = new HashSet<>();
        list(pod.get("volumes")).forEach(volume -> volumes.add(String.valueOf(map(volume).get("name"))));
        list(hub.get("volumeMounts")).forEach(mount -> assertThat(volumes).contains(String.valueOf(map(mount).get("name"))));

        assertDocumented(map(byKind.get("ConfigMap").get("data")).keySet(), "configmap.yaml");
        assertDocumented(map(byKind.get("Secret").get("stringData")).keySet(), "secret.example.yaml");
        assertThat(map(byKind.get("ConfigMap").get("data"))).containsEntry("HUB_SEARCH_BACKEND", "elasticsearch");
        assertThat(map(byKind.get("Secret").get("stringData"))).containsKeys("HUB_MASTER_KEY", "SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void theDockerfileRunsThePackagedJarWithADocumentedDataDir() {
        String dockerfile = read(root.resolve("deploy/Dockerfile"));
        assertThat(dockerfile).contains("COPY hub-app/target/resolvehub.jar", "--add-modules=jdk.incubator.vector",
                "EXPOSE " + serverPort(), "USER 10001");
        Matcher env = Pattern.compile("\\b(HUB_[A-Z_]+)=").matcher(dockerfile);
        Set<String> settings = new HashSet<>();
        while (env.find()) {
            settings.add(env.group(1));
        }
        assertThat(settings).contains("HUB_DATA_DIR");
        assertDocumented(settings, "Dockerfile");
    }

    private void assertProbe(Map<String, Object> container, String probe, String path, Object port) {
        Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
        assertThat(get).as(probe).containsEntry("path", path).containsEntry("port", port);
    }

    /** Environment variable names that, by Spring's relaxed binding, name a setting the docs describe. */
    private void assertDocumented(Set<String> variables, String where) {
        Set<String> documented = new HashSet<>();
        for (String doc : List.of("docs/configuration.md", "README.md")) {
            Matcher m = DOCUMENTED_KEY.matcher(read(root.resolve(doc)));
            while (m.find()) {
                documented.add(relaxed(m.group(1)));
            }
        }
        assertThat(variables).as(where + ": settings not described in docs/configuration.md or the README")
                .allSatisfy(variable -> assertThat(documented).contains(relaxed(variable)));
    }

    /** {@code hub.admin.api-token} and {@code HUB_ADMIN_API_TOKEN} both become {@code hubadminapitoken}. */
    private static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private int serverPort() {
        Map<String, Object> application = yaml(root.resolve("hub-app/src/main/resources/application.yml")).getFirst();
        return (Integer) map(application.get("server")).get("port");
    }

    private static int braceBalance(String text) {
        return (int) (text.chars().filter(c -> c == '{').count() - text.chars().filter(c -> c == '}').count());
    }

    private static List<Map<String, Object>> yaml(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(read(file))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        assertThat(documents).as(file + " holds YAML").isNotEmpty();
        return documents;
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("hub-app")) ? here : here.getParent();
        assertThat(root.resolve("deploy")).as("the repository root").isDirectory();
        return root;
    }
}
