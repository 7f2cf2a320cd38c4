package io.resolvehub.api;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat settings the API's behaviour relies on. */
@Configuration
class WebServerTuning {

    /**
     * Sends "100 Continue" only once the application reads the body, so a client that asked first never uploads a
     * body the hub refuses (an oversized file, a missing token).
     */
    @Bean
    TomcatConnectorCustomizer continueOnlyWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
