package com.starcert.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;
import com.starcert.identity.account.Role;
import com.starcert.identity.client.ApiClientAdministration;
import com.starcert.identity.user.UserAdministration;

/** Repeated failures lock people (and clients) for a while; the tests run with max-failures 3 and 15 minutes. */
class LockoutTest extends IdentityIntegrationTest {

    @Autowired
    UserAdministration users;
    @Autowired
    ApiClientAdministration clients;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void wrongPasswordsLockThePersonAndTheLockEnds() {
        users.createIfMissing("lock.me", "right-password-123", "Lock Me", List.of(Role.AUDITOR), null);
        TestHttp browser = http();

        assertThat(TestHttp.location(browser.signIn("lock.me", "wrong-1"))).endsWith("/login?error");
        assertThat(TestHttp.location(browser.signIn("lock.me", "wrong-2"))).endsWith("/login?error");
        // the third failure locks, and says so
        assertThat(TestHttp.location(browser.signIn("lock.me", "wrong-3"))).endsWith("/login?locked");

        // the right password is refused with the locked message, not "bad credentials"
        HttpResponse<String> refused = browser.signIn("lock.me", "right-password-123");
        assertThat(TestHttp.location(refused)).endsWith("/login?locked");
        String page = browser.browse("/login?locked").body();
        assertThat(page).contains("账户已被暂时锁定").doesNotContain("用户名或密码错误");

        clock.advance(Duration.ofMinutes(14));
        assertThat(TestHttp.location(browser.signIn("lock.me", "right-password-123"))).endsWith("/login?locked");

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> signedIn = browser.signIn("lock.me", "right-password-123");
        assertThat(TestHttp.location(signedIn)).doesNotContain("/login");
    }

    @Test
    void aSuccessResetsTheCount() {
        users.createIfMissing("count.me", "right-password-123", "Count Me", List.of(Role.AUDITOR), null);
        TestHttp browser = http();
        browser.signIn("count.me", "wrong-1");
        browser.signIn("count.me", "wrong-2");
        assertThat(TestHttp.location(browser.signIn("count.me", "right-password-123"))).doesNotContain("/login");

        TestHttp other = http();
        other.signIn("count.me", "wrong-3");
        other.signIn("count.me", "wrong-4");
        assertThat(TestHttp.location(other.signIn("count.me", "right-password-123"))).doesNotContain("/login");
    }

    @Test
    void wrongSecretsLockAClientToo() {
        clients.createIfMissing("lock-client", "lock-client-secret-123", "lock-client", List.of(Role.INTEGRATOR),
                null);
        TestHttp http = http();
        for (int i = 0; i < 3; i++) {
            assertThat(http.clientCredentials("lock-client", "wrong").statusCode()).isEqualTo(401);
        }
        // the token endpoint tells clients only "invalid_client", locked or not (it reveals nothing more)
        assertThat(http.clientCredentials("lock-client", "lock-client-secret-123").statusCode()).isEqualTo(401);
        assertThat(http.clientCredentials("seeded-integrator", "seeded-integrator-secret-1").statusCode())
                .as("other clients are not affected").isEqualTo(200);

        clock.advance(Duration.ofMinutes(16));
        assertThat(http.clientCredentials("lock-client", "lock-client-secret-123").statusCode()).isEqualTo(200);
    }
}
