package com.starcert.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings of identity-service ({@code starcert.identity.*}); every default is applied here so that an
 * empty configuration is a working local one.
 *
 * @param issuer          the public URL tokens are issued by ({@code iss}) — the gateway's, since it routes
 *                        {@code /oauth2/**}, {@code /login}, {@code /.well-known/**} here (http://localhost:8080)
 * @param audience        the {@code aud} of every access token; the management API only accepts tokens carrying it
 *                        (starcert)
 * @param accessTokenTtl  lifetime of access tokens (15m)
 * @param refreshTokenTtl lifetime of refresh tokens issued to people (8h)
 * @param signingKeyFile  a PEM PKCS#8 RSA private key to sign with; without it a key is generated once and kept in
 *                        MongoDB so that restarts and other instances sign with the same key
 * @param console         the public browser client registered at start-up
 * @param lockout         how repeated failed logins lock an account
 * @param seed            accounts created (or re-keyed) at start-up
 */
@ConfigurationProperties("starcert.identity")
public record IdentitySettings(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl,
                               Path signingKeyFile, Console console, LockoutPolicy lockout, Seed seed) {

    public IdentitySettings {
        issuer = blank(issuer) ? "http://localhost:8080" : stripTrailingSlash(issuer.trim());
        audience = blank(audience) ? "starcert" : audience.trim();
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(8) : refreshTokenTtl;
        signingKeyFile = emptyToNull(signingKeyFile);
        console = console == null ? new Console(null, null, null) : console;
        lockout = lockout == null ? new LockoutPolicy(null, null, null) : lockout;
        seed = seed == null ? new Seed(null, null, null, null, null) : seed;
    }

    /** Defaults everywhere (for tests and tools). */
    public static IdentitySettings defaults() {
        return new IdentitySettings(null, null, null, null, null, null, null, null);
    }

    /**
     * @param clientId               the console's client id (starcert-console)
     * @param redirectUris           where codes may be sent (http://localhost:8080/login/oauth2/code/starcert)
     * @param postLogoutRedirectUris where OpenID Connect logout may return to (http://localhost:8080/)
     */
    public record Console(String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris) {
        public Console {
            clientId = blank(clientId) ? "starcert-console" : clientId.trim();
            redirectUris = redirectUris == null || redirectUris.isEmpty()
                    ? List.of("http://localhost:8080/login/oauth2/code/starcert") : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null || postLogoutRedirectUris.isEmpty()
                    ? List.of("http://localhost:8080/") : List.copyOf(postLogoutRedirectUris);
        }
    }

    /**
     * @param maxFailures consecutive wrong passwords (or client secrets) that lock the account (5)
     * @param duration    how long it stays locked (15m)
     * @param clients     whether API clients are locked too, not only people (true)
     */
    public record LockoutPolicy(Integer maxFailures, Duration duration, Boolean clients) {
        public LockoutPolicy {
            maxFailures = maxFailures == null || maxFailures < 1 ? 5 : maxFailures;
            duration = duration == null ? Duration.ofMinutes(15) : duration;
            clients = clients == null || clients;
        }
    }

    /**
     * @param adminClientId         an API client with role CB_ADMIN created if it does not exist
     * @param adminClientSecret     its secret
     * @param adminClientSecretFile a file holding its secret instead (Kubernetes / compose secrets); wins over
     *                              {@code adminClientSecret}
     * @param file                  a JSON file of clients and users to create if missing
     * @param rotate                also reset the secret / password of those in {@code file} that exist (false)
     */
    public record Seed(String adminClientId, String adminClientSecret, Path adminClientSecretFile, Path file,
                       Boolean rotate) {
        public Seed {
            adminClientId = blank(adminClientId) ? null : adminClientId.trim();
            adminClientSecret = blank(adminClientSecret) ? null : adminClientSecret;
            adminClientSecretFile = emptyToNull(adminClientSecretFile);
            file = emptyToNull(file);
            rotate = rotate != null && rotate;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** An empty environment variable binds to the empty path, which means "not set" here. */
    private static Path emptyToNull(Path path) {
        return path == null || path.toString().isBlank() ? null : path;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
