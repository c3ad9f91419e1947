package com.starcert.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code ./starcert run --scale …}: which services get how many instances. */
class LauncherScaleTest {

    @Test
    void scaleNamesServicesAndTheirInstances() {
        assertThat(Launcher.scale(new String[] {"run", "--scale", "audit-service=2, scoring-service=3"}))
                .containsExactly(Map.entry("audit-service", 2), Map.entry("scoring-service", 3));
        assertThat(Launcher.scale(new String[] {"run", "--scale=certificate-service=2"}))
                .containsExactly(Map.entry("certificate-service", 2));
        assertThat(Launcher.scale(new String[] {"run"})).isEmpty();
    }
}
