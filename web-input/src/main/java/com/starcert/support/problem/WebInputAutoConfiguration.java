package com.starcert.support.problem;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * First of all filters in every servlet application of the suite, {@link MalformedParameters} and
 * {@link RequestBodyLimit}; and JSON scalars of the wrong type refused instead of converted.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestBodyLimit.Limits.class)
public class WebInputAutoConfiguration {

    private static final CoercionAction FAIL = CoercionAction.Fail;

    /**
     * A JSON value of the wrong type is a 400 naming the field, never silently converted: {@code 123} is not a
     * name, {@code "7"} not a number of days, {@code 3.5} not a whole number, {@code 1} neither {@code true} nor
     * the second value of an enumeration.
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer strictJsonScalars() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, FAIL)
                        .setCoercion(CoercionInputShape.Float, FAIL).setCoercion(CoercionInputShape.Boolean, FAIL))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, FAIL)
                        .setCoercion(CoercionInputShape.Float, FAIL).setCoercion(CoercionInputShape.Boolean, FAIL))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, FAIL)
                        .setCoercion(CoercionInputShape.Boolean, FAIL))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, FAIL)
                        .setCoercion(CoercionInputShape.Integer, FAIL))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, FAIL));
    }

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
