package com.starcert.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;

/** The sign-in page: Chinese unless English is chosen, and every message in both languages. */
class LoginPageTest extends IdentityIntegrationTest {

    @Test
    void theLoginPageIsChineseByDefault() {
        HttpResponse<String> page = http().browse("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("用户名", "密码", "登录 StarCert", "name=\"_csrf\"", "lang=\"zh-CN\"")
                .doesNotContain("Username");
    }

    @Test
    void englishIsChosenWithLangAndKeptForTheFollowingPages() {
        TestHttp browser = http();
        String english = browser.browse("/login?lang=en").body();
        assertThat(english).contains("Username", "Password", "Sign in to StarCert", "lang=\"en\"")
                .doesNotContain("用户名");
        // the choice survives the redirect after a failed sign-in
        assertThat(TestHttp.location(browser.signIn(AUDITOR, "not-the-password"))).endsWith("/login?error");
        assertThat(browser.browse("/login?error").body()).contains("Wrong username or password.");
        assertThat(browser.browse("/login?lang=zh_CN").body()).contains("用户名");
    }

    @Test
    void badCredentialsAndSignOutAreShown() {
        assertThat(http().browse("/login?error").body()).contains("用户名或密码错误");
        assertThat(http().browse("/login?logout").body()).contains("您已退出登录");
        HttpResponse<String> logout = http().browse("/logout");
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.body()).contains("退出登录", "name=\"_csrf\"");
    }

    @Test
    void signingOutEndsTheSession() {
        TestHttp browser = http();
        assertThat(TestHttp.location(browser.signIn(AUDITOR, AUDITOR_PASSWORD))).doesNotContain("/login");
        String csrf = TestHttp.csrf(browser.browse("/logout").body());
        HttpResponse<String> out = browser.postForm("/logout", java.util.Map.of("_csrf", csrf));
        assertThat(TestHttp.location(out)).endsWith("/login?logout");
        // signed out: the authorization endpoint sends the browser to the login page again
        assertThat(TestHttp.location(browser.browse("/")).endsWith("/login")).isTrue();
    }

    @Test
    void everyMessageExistsInChineseAndEnglish() throws IOException {
        Properties base = load("/messages.properties");
        Properties zh = load("/messages_zh_CN.properties");
        Properties en = load("/messages_en.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
        assertThat(en.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
        assertThat(zh).isEqualTo(base);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LoginPageTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
