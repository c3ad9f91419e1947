package com.starcert.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move instead of sleeping (lockout durations, token expiry, outbox leases). */
public class MutableClock extends Clock {

    private volatile Instant now;

    /** Starts at the real time. */
    public MutableClock() {
        this(Instant.now());
    }

    public MutableClock(Instant start) {
        now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Back to real time, dropping whatever a test advanced. */
    public void reset() {
        now = Instant.now();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
