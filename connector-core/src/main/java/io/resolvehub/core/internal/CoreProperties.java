package io.resolvehub.core.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Deployment settings core reads from the {@code hub} root; the only binding of {@code hub.data-dir}, offered to other
 * modules as the {@link io.resolvehub.core.DataDirectory} bean.
 *
 * @param dataDir   where the generated master key lives ({@code <data-dir>/master-key}); default {@code ./data}
 * @param masterKey base64 AES key (16/24/32 bytes) that encrypts stored channel secrets; generated when unset
 */
@ConfigurationProperties("hub")
public record CoreProperties(Path dataDir, String masterKey) {

    public CoreProperties {
        dataDir = dataDir == null ? io.resolvehub.core.DataDirectory.DEFAULT : dataDir;
    }
}
