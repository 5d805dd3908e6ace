package io.jenkins.plugins.gitopspromotion.config;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A time in which promotions into an environment are refused ({@code gates.freeze} of an environment): once, from one
 * local time to another, or again and again, from each start a cron expression gives for a duration; both in a time
 * zone, so that "Friday 18:00" stays Friday 18:00 across daylight saving time.
 */
public sealed interface FreezeWindow {

    /**
     * The end of the window around {@code now}, if {@code now} lies inside it (its start included, its end excluded).
     */
    Optional<ZonedDateTime> endAround(Instant now);

    /** The window as written, for messages: {@code 2026-12-20T00:00 to 2027-01-04T00:00 Europe/Berlin}. */
    String describe();

    /**
     * A window from one local time to a later one.
     *
     * @param from where it starts, in {@code zone}
     * @param to where it ends, in {@code zone}, after {@code from}
     * @param zone the time zone both are in
     */
    record Once(LocalDateTime from, LocalDateTime to, ZoneId zone) implements FreezeWindow {

        /**
         * Checks {@code to} comes after {@code from}.
         *
         * @throws IllegalArgumentException if it does not
         */
        public Once {
            Objects.requireNonNull(zone, "zone");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("to (" + to + ") must come after from (" + from + ")");
            }
        }

        @Override
        public Optional<ZonedDateTime> endAround(Instant now) {
            ZonedDateTime end = to.atZone(zone);
            return !now.isBefore(from.atZone(zone).toInstant()) && now.isBefore(end.toInstant()) ? Optional.of(end)
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return from + " to " + to + " " + zone.getId();
        }
    }

    /**
     * A window that starts whenever a cron expression matches and lasts {@code duration}.
     *
     * @param expression the cron expression, five fields as crontab writes them (minute, hour, day of month, month,
     *     day of week)
     * @param duration how long each window lasts
     * @param zone the time zone the expression is read in
     */
    record Recurring(String expression, Duration duration, ZoneId zone) implements FreezeWindow {

        /**
         * Parses the expression.
         *
         * @throws IllegalArgumentException if it is not a five-field cron expression, naming what is wrong
         */
        public Recurring {
            Objects.requireNonNull(zone, "zone");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be longer than zero");
            }
            parse(expression);
        }

        @Override
        public Optional<ZonedDateTime> endAround(Instant now) {
            ExecutionTime starts = ExecutionTime.forCron(parse(expression));
            ZonedDateTime at = now.atZone(zone);
            // lastExecution gives the last start strictly before the time: a start at this very minute is a match.
            Optional<ZonedDateTime> start = starts.isMatch(at) ? Optional.of(at) : starts.lastExecution(at);
            return start.map(s -> s.plus(duration)).filter(end -> at.isBefore(end));
        }

        @Override
        public String describe() {
            return "'" + expression + "' for " + DurationText.format(duration) + " " + zone.getId();
        }

        private static Cron parse(String expression) {
            return new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expression).validate();
        }
    }
}
