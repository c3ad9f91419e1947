package com.starcert.audit.programme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Topics;

/**
 * Follows certificates into the programme. A separate consumer group from the decision consumer, so that
 * certificate.issued is read by both features independently.
 */
@Component
public class ProgrammeEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeEventConsumer.class);

    private final EventCodec codec;
    private final ProgrammeStore store;

    public ProgrammeEventConsumer(EventCodec codec, ProgrammeStore store) {
        this.codec = codec;
        this.store = store;
    }

    @KafkaListener(topics = Topics.CERTIFICATE_ISSUED, groupId = "${spring.kafka.consumer.group-id}-programme")
    public void onCertificateIssued(CloudEvent event) {
        CertificateIssued issued = codec.data(event, CertificateIssued.class);
        log.debug("programme of {} from certificate {}: {}", issued.enterpriseId(), issued.certificateNumber(),
                store.apply(issued) ? "applied" : "ignored");
    }

    @KafkaListener(topics = Topics.CERTIFICATE_STATUS_CHANGED,
            groupId = "${spring.kafka.consumer.group-id}-programme")
    public void onCertificateStatusChanged(CloudEvent event) {
        CertificateStatusChanged changed = codec.data(event, CertificateStatusChanged.class);
        log.debug("certificate {} of {} now {}: {}", changed.certificateNumber(), changed.enterpriseId(),
                changed.status(), store.apply(changed) ? "applied" : "ignored");
    }
}
