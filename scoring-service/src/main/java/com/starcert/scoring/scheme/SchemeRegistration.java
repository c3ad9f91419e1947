package com.starcert.scoring.scheme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the shipped scheme versions in the store at start-up, once (idempotent). If the database is not
 * reachable yet the service still starts: shipped versions are served and scored from the classpath meanwhile,
 * and the next start registers them.
 */
@Component
class SchemeRegistration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchemeRegistration.class);

    private final SchemeCatalog catalog;

    SchemeRegistration(SchemeCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            catalog.registerShipped();
        } catch (RuntimeException e) {
            log.warn("shipped schemes not registered now (served from the classpath meanwhile): {}", e.getMessage());
        }
    }
}
