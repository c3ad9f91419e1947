package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import com.starcert.contracts.Topics;

/** Topics StarCert creates: every event topic and its dead-letter topic, sized for the largest event. */
class TopicProvisioningTest {

    @Test
    void createdTopicsTakeTheLargestEventAndHaveTheirPartitions() {
        TopicProvisioning provisioning = new TopicProvisioning(null, 12, (short) 1, 8L * 1024 * 1024);
        List<NewTopic> topics = provisioning.newTopics(TopicProvisioning.names());

        assertThat(topics).extracting(NewTopic::name).contains(Topics.AUDIT_SUBMITTED, Topics.AUDIT_RETURNED,
                Topics.deadLetter(Topics.AUDIT_SUBMITTED));
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(12);
            assertThat(topic.configs()).containsEntry("max.message.bytes", Long.toString(8L * 1024 * 1024));
        });
    }
}
