package com.starcert.audit.scheme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.audit.SchemeCatalog;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.SchemePublished;
import com.starcert.contracts.Topics;

/** Learns the scheme versions a CB publishes; a replayed publication changes nothing. */
@Component
public class SchemeEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(SchemeEventConsumer.class);

    private final EventCodec codec;
    private final SchemeCatalog schemes;

    public SchemeEventConsumer(EventCodec codec, SchemeCatalog schemes) {
        this.codec = codec;
        this.schemes = schemes;
    }

    @KafkaListener(topics = Topics.SCHEME_PUBLISHED)
    public void onSchemePublished(CloudEvent event) {
        SchemePublished published = codec.data(event, SchemePublished.class);
        if (published.scheme() == null || published.scheme().id() == null || published.scheme().indicators() == null
                || published.scheme().indicators().isEmpty()) {
            throw new MalformedEventException("a published scheme needs an id and indicators");
        }
        boolean stored = schemes.learn(published.scheme(), published.publishedAt());
        log.info("scheme {} version {} {}", published.scheme().id(), published.scheme().version(),
                stored ? "learnt" : "already known");
    }
}
