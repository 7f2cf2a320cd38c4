package io.resolvehub;

import io.resolvehub.setup.RotateMasterKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ResolveHub: wires the modules, serves the REST API, the channel endpoints and the admin page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    public static void main(String[] args) {
        if (RotateMasterKeyCommand.isRequested(args)) {
            System.exit(RotateMasterKeyCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
