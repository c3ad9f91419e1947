package com.starcert.support.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Operator settings of the reliable-messaging plumbing ({@code starcert.messaging.*}). */
@ConfigurationProperties("starcert.messaging")
public class MessagingProperties {

    /** Partitions of each topic and its dead-letter topic when StarCert creates them. */
    private int partitions = 12;
    /** Replication factor of topics StarCert creates (3 on a production cluster). */
    private short replicationFactor = 1;
    /**
     * Delivery attempts of a record whose handler fails (other than by the infrastructure, see
     * {@code infrastructure-retry}) before it goes to {@code <topic>.DLT}.
     */
    private int attempts = 3;
    /** Pause between those attempts. */
    private Duration retryInterval = Duration.ofSeconds(1);
    /**
     * How long the broker waits for a silent consumer before giving its partitions to the other instances (Kafka's
     * own default is 45 s: a crashed instance's share would stall that long).
     */
    private Duration consumerSessionTimeout = Duration.ofSeconds(10);
    /**
     * The largest event (before compression) a service publishes, and the {@code max.message.bytes} of the topics
     * StarCert creates: an audit of an unsampled network of thousands of sites carries its findings whole. Events go
     * out lz4-compressed, so the broker stores a fraction of it.
     */
    private org.springframework.util.unit.DataSize maxEventSize = org.springframework.util.unit.DataSize.ofMegabytes(8);
    private final Outbox outbox = new Outbox();
    private final InfrastructureRetry infrastructureRetry = new InfrastructureRetry();

    /**
     * A record whose handling failed because of the infrastructure (store unreachable or timing out, broker not
     * answering) is tried again for as long as it takes, the pause growing from {@code initial-interval} by
     * {@code multiplier} up to {@code max-interval} (keep that well below the consumer's max.poll.interval.ms,
     * 5 minutes by default).
     */
    public static class InfrastructureRetry {
        private Duration initialInterval = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxInterval = Duration.ofSeconds(30);

        public Duration getInitialInterval() { return initialInterval; }
        public void setInitialInterval(Duration initialInterval) { this.initialInterval = initialInterval; }
        public double getMultiplier() { return multiplier; }
        public void setMultiplier(double multiplier) { this.multiplier = multiplier; }
        public Duration getMaxInterval() { return maxInterval; }
        public void setMaxInterval(Duration maxInterval) { this.maxInterval = maxInterval; }
    }

    public InfrastructureRetry getInfrastructureRetry() { return infrastructureRetry; }

    public static class Outbox {
        /**
         * How often the relay's safety-net pass looks for events still waiting (new events are handed to the relay
         * the moment their write is acknowledged and do not wait for it).
         */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** How long one relay instance owns a document while publishing its events (renewed while they go out). */
        private Duration lease = Duration.ofSeconds(10);
        /** How long to wait for the broker's acknowledgement of one event. */
        private Duration sendTimeout = Duration.ofSeconds(15);
        /** Documents whose events go out in one batch. */
        private int batchSize = 500;

        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public Duration getSendTimeout() { return sendTimeout; }
        public void setSendTimeout(Duration sendTimeout) { this.sendTimeout = sendTimeout; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    }

    public int getPartitions() { return partitions; }
    public void setPartitions(int partitions) { this.partitions = partitions; }
    public short getReplicationFactor() { return replicationFactor; }
    public void setReplicationFactor(short replicationFactor) { this.replicationFactor = replicationFactor; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public Duration getRetryInterval() { return retryInterval; }
    public void setRetryInterval(Duration retryInterval) { this.retryInterval = retryInterval; }
    public Outbox getOutbox() { return outbox; }
    public org.springframework.util.unit.DataSize getMaxEventSize() { return maxEventSize; }
    public void setMaxEventSize(org.springframework.util.unit.DataSize maxEventSize) { this.maxEventSize = maxEventSize; }
    public Duration getConsumerSessionTimeout() { return consumerSessionTimeout; }
    public void setConsumerSessionTimeout(Duration consumerSessionTimeout) { this.consumerSessionTimeout = consumerSessionTimeout; }
}
