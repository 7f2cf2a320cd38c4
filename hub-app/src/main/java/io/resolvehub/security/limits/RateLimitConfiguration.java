package io.resolvehub.security.limits;

import io.resolvehub.security.SameOriginFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the {@link RateLimitFilter} in front of everything, Spring Security included (unless the limits are off), and
 * the {@link SameOriginFilter} right after it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(limits.enabled());
        return registration;
    }

    /** Right after the limits, before sign-in and CSRF: a session request from another site changes nothing. */
    @Bean
    FilterRegistrationBean<SameOriginFilter> sameOriginFilter() {
        FilterRegistrationBean<SameOriginFilter> registration = new FilterRegistrationBean<>(new SameOriginFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
