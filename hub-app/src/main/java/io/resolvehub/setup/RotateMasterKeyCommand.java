package io.resolvehub.setup;

import io.resolvehub.core.keys.MasterKeyRotation;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar resolvehub.jar rotate-master-key [--setting=value…]}: re-encrypts every stored secret from the
 * current master key to {@code hub.new-master-key}, for a stopped hub. It starts only the database connection, from
 * the same settings as the hub (application.yml, environment, command line), so no worker, scheduler or endpoint
 * runs alongside. Prints what it did; never prints or logs a key or a secret.
 */
public final class RotateMasterKeyCommand {

    public static final String NAME = "rotate-master-key";

    /**
     * Only the database: no component scan, no other auto-configuration. Deliberately not a {@code @Configuration},
     * so the hub's own component scan never picks it up.
     */
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DatabaseOnly {
    }

    private RotateMasterKeyCommand() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** @return the process exit status: 0 when every secret is under the new key, 1 when nothing was changed */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] settings = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatabaseOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(settings)) {
            MasterKeyRotation.Outcome outcome = MasterKeyRotation.rotate(context.getBean(DataSource.class),
                    context.getEnvironment());
            out.printf("Re-encrypted %d stored channel settings under the new master key (%d already were).%n",
                    outcome.reEncrypted(), outcome.alreadyUnderNewKey());
            out.println(outcome.keyFileReplaced()
                    ? "The key file in hub.data-dir now holds the new key: start the hub as before."
                    : "Start the hub with hub.master-key set to the new key (the value of hub.new-master-key).");
            return 0;
        } catch (RuntimeException e) {
            // The message only: causes carry driver and cipher internals, and nothing here holds a key or a secret.
            err.println(NAME + " failed: " + e.getMessage());
            return 1;
        }
    }
}
