package io.resolvehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.core.InboundBacklog;
import io.resolvehub.core.InboundIntake;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

/**
 * What an operator watches (docs/deployment.md): the intake's counters and acknowledgement timer, the work queue's
 * depth and age, and the search backend's health, which the readiness probe includes beside the database's.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** Wraps the intake every channel is given; static, so it does not pull the metrics in early. */
    @Bean
    static BeanPostProcessor countedIntake(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof InboundIntake intake && !(bean instanceof IntakeMetrics)
                        ? new IntakeMetrics(intake, registry::getObject) : bean;
            }
        };
    }

    /** First of all filters, so the time includes the rate limits and security in front of the intake. */
    @Bean
    FilterRegistrationBean<AcknowledgementTimer> acknowledgementTimer(MeterRegistry registry) {
        FilterRegistrationBean<AcknowledgementTimer> registration =
                new FilterRegistrationBean<>(new AcknowledgementTimer(registry));
        registration.addUrlPatterns("/slack/events", "/teams/messages", "/zendesk/webhook/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    BacklogMetrics backlogMetrics(InboundBacklog backlog, ObjectProvider<Clock> clock) {
        return new BacklogMetrics(backlog, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    SearchHealth searchHealthIndicator(KnowledgeIndex index) {
        return new SearchHealth(index);
    }
}
