package com.starcert.support.indexes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every service test context that has service-support's test jar on its class path records its MongoDB queries
 * for {@link IndexCoverage} (registered in this jar's {@code AutoConfiguration.imports}, so no test has to ask).
 */
@AutoConfiguration
public class IndexCoverageAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer indexCoverageRecorder() {
        return settings -> settings.addCommandListener(IndexCoverage.RECORDER);
    }
}
