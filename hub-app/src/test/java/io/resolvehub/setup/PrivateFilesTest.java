package io.resolvehub.setup;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.resolvehub.security.AdminSignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data dir is its owner's alone, the initial admin password goes to the console and the owner-only file, never
 * into a log file, and no secret the hub is given or issues is found in any file of the data dir (logs, database,
 * index). The hub starts with its log file inside the data dir, as it does by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.data-dir=" + PrivateFilesTest.DATA_DIR, "logging.file.name=" + PrivateFilesTest.DATA_DIR + "/logs/hub.log",
        "hub.admin.api-token=" + HubTestSupport.API_TOKEN, "hub.demo.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class PrivateFilesTest {

    static final String DATA_DIR = "./target/private-files-test/data";

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshDataDir() throws IOException {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).getParent());
    }

    @Test
    void everythingInTheDataDirIsTheOwnersAloneAndThePasswordIsOnlyOnTheConsoleAndInItsFile(CapturedOutput console)
            throws IOException {
        Path dataDir = Path.of(DATA_DIR);
        String password = Files.readString(dataDir.resolve(InitialAdmin.PASSWORD_FILE)).strip();

        assertThat(console.getOut()).contains("password: " + password);
        Path log = dataDir.resolve("logs/hub.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("admin user 'admin' created").doesNotContain(password);
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.toList()).isNotEmpty().allSatisfy(path -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                    .as(path.toString()).isIn("rwx------", "rw-------"));
        }
    }

    @Test
    void noSecretUsedInAFullScenarioIsInAnyLogFileOrAnywhereInTheDataDir() throws IOException {
        ApiClient api = new ApiClient(port);
        List<String> secrets = new ArrayList<>(List.of(HubTestSupport.API_TOKEN, "xoxb-4242-secret-bot-token",
                "zendesk-api-token-0b4d1f", "zendesk-webhook-secret-77a1", "wrong-password-9c2e"));
        assertThat(api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                "{\"teamId\":\"T0SECRETS\",\"botToken\":\"xoxb-4242-secret-bot-token\"}").statusCode()).isEqualTo(200);
        assertThat(api.putJson("/api/v1/tenants/default/channels/zendesk?verify=false",
                "{\"url\":\"https://acme.zendesk.com\",\"email\":\"agent@acme.example\",\"apiToken\":"
                        + "\"zendesk-api-token-0b4d1f\",\"webhookSecret\":\"zendesk-webhook-secret-77a1\"}").statusCode())
                .isEqualTo(200);
        String issued = api.postJson("/api/v1/tenants/default/tokens", "{\"name\":\"sidebar\"}").body();
        String tenantToken = issued.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        secrets.add(tenantToken);
        assertThat(api.send(api.anonymous("/api/v1/tenants/default/conversations")
                .header("Authorization", "Bearer " + tenantToken).GET().build()).statusCode()).isEqualTo(200);
        assertThat(api.send(api.anonymous("/api/v1/tenants/default/conversations")
                .header("Authorization", "Bearer wrong-password-9c2e").GET().build()).statusCode()).isEqualTo(401);
        String password = Files.readString(Path.of(DATA_DIR).resolve(InitialAdmin.PASSWORD_FILE)).strip();
        AdminSignIn.attempt(java.net.http.HttpClient.newHttpClient(), port, "admin", "wrong-password-9c2e");
        AdminSignIn.signIn(java.net.http.HttpClient.newHttpClient(), port, "admin", password);
        secrets.add(password);

        try (Stream<Path> all = Files.walk(Path.of(DATA_DIR))) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().equals(InitialAdmin.PASSWORD_FILE)) {
                    continue; // where the first password is meant to be, readable by its owner only
                }
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(content).as("%s holds a secret", file).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void filesAnEarlierVersionLeftReadableAreNarrowedAtStart(@org.junit.jupiter.api.io.TempDir Path dataDir)
            throws IOException {
        Path db = Files.createDirectories(dataDir.resolve("db"));
        Path file = Files.writeString(db.resolve("hub.mv.db"), "tables");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateDataDirectory.secure(dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("logs"))))
                .isEqualTo("rwx------");
    }
}
