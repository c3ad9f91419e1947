package com.starcert.support.problem;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Brackets and braces in a query reach the application, which answers a problem naming the parameter
 * ({@link MalformedParameters}), instead of Tomcat's HTML error page. The lowest-precedence default, so an
 * application's own configuration still wins.
 */
public class WebInputDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("starcertWebInputDefaults",
                Map.of("server.tomcat.relaxed-query-chars", "[,],{,},|")));
    }
}
