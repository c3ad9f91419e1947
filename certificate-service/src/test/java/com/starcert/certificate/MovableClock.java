package com.starcert.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that tests move forward (never back), so a test walks through years in
 * milliseconds while the outbox relay's leases and every other user of the clock stay consistent.
 */
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Moves the clock to {@code target} if it is not already past it. */
    public void moveTo(Instant target) {
        offset.updateAndGet(current -> {
            Duration needed = Duration.between(Instant.now(), target);
            return needed.compareTo(current) > 0 ? needed : current;
        });
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }
}
