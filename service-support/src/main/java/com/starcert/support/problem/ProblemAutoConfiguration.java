package com.starcert.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Registers {@link ProblemHandler} in every servlet service — before Boot's web MVC auto-configuration, whose own
 * problem-details handler then steps aside (it is conditional on there being no other such handler) — and, first
 * of all filters, {@link MalformedParameters} and {@link RequestBodyLimit}.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemHandler.class)
@EnableConfigurationProperties(RequestBodyLimit.Limits.class)
public class ProblemAutoConfiguration {

    @Bean
    FilterRegistrationBean<MalformedParameters> malformedParameters() {
        FilterRegistrationBean<MalformedParameters> registration = new FilterRegistrationBean<>(
                new MalformedParameters());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(RequestBodyLimit.Limits limits) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
