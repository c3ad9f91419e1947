package com.starcert.gateway.instances;

import java.net.ConnectException;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * {@code - ReachAnotherInstance} on a balanced route: a request whose connection was refused (an instance that
 * just stopped or crashed, before the health checks leave it out) goes to the next instance, at most twice. Only a
 * refused connection is retried, for every method: the request never reached a service, so nothing can happen
 * twice. A timeout or an error answer is not retried here.
 */
@Component
public class ReachAnotherInstanceGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final RetryGatewayFilterFactory retry = new RetryGatewayFilterFactory();

    public ReachAnotherInstanceGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        RetryGatewayFilterFactory.RetryConfig refused = new RetryGatewayFilterFactory.RetryConfig()
                .setRetries(2)
                .setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                        HttpMethod.DELETE)
                .setSeries()
                .setStatuses()
                .setExceptions(ConnectException.class);
        return retry.apply(refused);
    }
}
