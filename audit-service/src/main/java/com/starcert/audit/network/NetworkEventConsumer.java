package com.starcert.audit.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.Topics;

/** Keeps the network read model current; audit-service never calls outlet-service. */
@Component
public class NetworkEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(NetworkEventConsumer.class);

    private final EventCodec codec;
    private final NetworkStore store;

    public NetworkEventConsumer(EventCodec codec, NetworkStore store) {
        this.codec = codec;
        this.store = store;
    }

    @KafkaListener(topics = Topics.ENTERPRISE_CHANGED)
    public void onEnterpriseChanged(CloudEvent event) {
        EnterpriseChanged changed = codec.data(event, EnterpriseChanged.class);
        boolean applied = store.apply(changed);
        log.debug("enterprise {} v{} {}", changed.enterpriseId(), changed.version(), applied ? "applied" : "ignored");
    }

    @KafkaListener(topics = Topics.OUTLET_CHANGED)
    public void onOutletChanged(CloudEvent event) {
        OutletChanged changed = codec.data(event, OutletChanged.class);
        boolean applied = store.apply(changed);
        log.debug("outlet {} v{} {}", changed.outletId(), changed.version(), applied ? "applied" : "ignored");
    }
}
