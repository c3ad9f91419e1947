package com.starcert.certificate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * Scores are stored as decimal strings so that 87.5 reads back as exactly 87.5 on every Mongo-compatible server,
 * and dates go through the driver's own java.time codecs (UTC) rather than the JVM's default zone, so a
 * certificate's validity dates do not move with the host's time zone.
 */
@Configuration(proxyBeanMethods = false)
class MongoStorageConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter
                .bigDecimal(BigDecimalRepresentation.STRING)
                .useNativeDriverJavaTimeCodecs());
    }
}
