package com.starcert.gateway.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ServiceInstancesTest {

    @Test
    void addressesAreCommaSeparated() {
        assertThat(ServiceInstances.uris(" http://a:8082 ,http://b:8182,, ")).containsExactly(
                URI.create("http://a:8082"), URI.create("http://b:8182"));
        assertThat(ServiceInstances.uris("")).isEmpty();
    }

    @Test
    void literalsAndLocalhostAreOneInstanceEach() {
        assertThat(ServiceInstances.hosts("localhost")).containsExactly("localhost");
        assertThat(ServiceInstances.hosts("10.1.2.3")).containsExactly("10.1.2.3");
        assertThat(ServiceInstances.hosts("::1")).containsExactly("::1");
        // a name that does not resolve stays as it is (the request then fails with the service's 503 problem)
        assertThat(ServiceInstances.hosts("no-such-host.invalid")).containsExactly("no-such-host.invalid");
    }
}
