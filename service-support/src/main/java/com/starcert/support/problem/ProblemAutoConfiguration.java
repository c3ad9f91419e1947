package com.starcert.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Registers {@link ProblemHandler} in every servlet service — before Boot's web MVC auto-configuration, whose own
 * problem-details handler then steps aside (it is conditional on there being no other such handler). The input
 * filters in front of it come from web-input ({@link WebInputAutoConfiguration}).
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemHandler.class)
public class ProblemAutoConfiguration {
}
