package io.jenkins.plugins.gitopspromotion.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand: waits, time-to-live and time windows without sleeping. */
public final class TestClock extends Clock {

    private volatile Instant now;

    /** A clock at {@code start}. */
    public TestClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock on. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Sets the clock. */
    public void set(Instant to) {
        now = to;
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
