package com.starcert.audit.network;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.Topics;
import com.starcert.support.messaging.EventBatch;

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

    /** One bulk write per poll; an enterprise's changes come in order on its partition. */
    @KafkaListener(topics = Topics.ENTERPRISE_CHANGED, batch = "true")
    public void onEnterpriseChanges(List<ConsumerRecord<String, CloudEvent>> records) {
        EventBatch.apply(records, event -> codec.data(event, EnterpriseChanged.class), changes -> {
            int applied = store.applyEnterprises(changes);
            log.debug("{} enterprise changes, {} applied", changes.size(), applied);
        });
    }

    /** One bulk write per poll (an import's thousands of outlets do not queue other enterprises' behind them). */
    @KafkaListener(topics = Topics.OUTLET_CHANGED, batch = "true")
    public void onOutletChanges(List<ConsumerRecord<String, CloudEvent>> records) {
        EventBatch.apply(records, event -> codec.data(event, OutletChanged.class), changes -> {
            int applied = store.applyOutlets(changes);
            log.debug("{} outlet changes, {} applied", changes.size(), applied);
        });
    }
}
