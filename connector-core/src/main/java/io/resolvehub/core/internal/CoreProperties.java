package io.resolvehub.core.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Deployment settings core reads from the {@code hub} root (SPEC §2).
 *
 * @param dataDir   where the generated master key lives ({@code <data-dir>/master-key}); default {@code ./data}
 * @param masterKey base64 AES key (16/24/32 bytes) that encrypts stored channel secrets; generated when unset
 */
@ConfigurationProperties("hub")
public record CoreProperties(Path dataDir, String masterKey) {

    public CoreProperties {
        dataDir = dataDir == null ? Path.of("./data") : dataDir;
    }
}
