package com.starcert.identity;

import com.starcert.infra.MutableClock;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * Base of the integration tests: the service on a random port against MongoDB from local-infra
 * ({@link TestMongo}). One base (same properties, same clock), so every test class shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "starcert.identity.seed.admin-client-id=" + IdentityIntegrationTest.ADMIN_ID,
        "starcert.identity.seed.admin-client-secret=" + IdentityIntegrationTest.ADMIN_SECRET,
        "starcert.identity.lockout.max-failures=3",
        "starcert.identity.lockout.duration=15m"})
@Import(TestClockConfiguration.class)
public abstract class IdentityIntegrationTest {

    public static final String DATABASE = "starcert-identity-test";
    public static final String ADMIN_ID = "test-admin";
    public static final String ADMIN_SECRET = "test-admin-secret-0123456789";
    /** A person from {@code seed/accounts.json}. */
    public static final String AUDITOR = "auditor.wang";
    public static final String AUDITOR_PASSWORD = "auditor-password-123";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri(DATABASE));
        registry.add("starcert.identity.seed.file", () -> resource("/seed/accounts.json").toString());
    }

    protected TestHttp http() {
        return new TestHttp(port);
    }

    public static Path resource(String name) {
        try {
            return Path.of(IdentityIntegrationTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
