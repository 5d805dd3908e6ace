package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code gates:} of an environment: freeze windows read, placed in time, and every mistake named by file and key. */
class GatesConfigTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static PromotionConfig parse(String gates) {
        String config = "environments:\n  - name: dev\n    path: apps/{app}/dev\n  - name: prod\n    path: apps/{app}/prod\n"
                + "    gates:\n" + gates + "apps:\n  - name: web\n    image: ghcr.io/acme/web\n";
        return ConfigLoader.parse(ConfigLoader.CONFIG_PATH, config.getBytes(StandardCharsets.UTF_8));
    }

    private static Gates prodGates(String gates) {
        return parse(gates).environment("prod").orElseThrow().gates();
    }

    @Test
    void bothKindsOfWindowAreReadWithTheirTimeZones() {
        Gates gates = prodGates("      freeze:\n        - {from: 2026-12-20T00:00, to: 2027-01-04, timezone: Europe/Berlin}\n"
                + "        - cron: '0 18 * * 5'\n          duration: 62h\n          timezone: Europe/Berlin\n"
                + "        - {from: 2026-11-01, to: 2026-11-02}\n");

        assertThat(gates.freeze()).containsExactly(
                new FreezeWindow.Once(LocalDateTime.parse("2026-12-20T00:00"), LocalDateTime.parse("2027-01-04T00:00"), BERLIN),
                new FreezeWindow.Recurring("0 18 * * 5", Duration.ofHours(62), BERLIN),
                new FreezeWindow.Once(LocalDateTime.parse("2026-11-01T00:00"), LocalDateTime.parse("2026-11-02T00:00"),
                        ZoneOffset.UTC));
        assertThat(parse("      freeze: []\n").environment("dev").orElseThrow().gates()).isEqualTo(Gates.NONE);
    }

    @Test
    void aRecurringWindowRunsFromEachStartForItsDurationInItsZone() {
        FreezeWindow weekend = new FreezeWindow.Recurring("0 18 * * 5", Duration.ofHours(62), BERLIN);

        // Friday 4 December 2026, 18:00 in Berlin (17:00 UTC): the start itself is inside.
        assertThat(weekend.endAround(Instant.parse("2026-12-04T17:00:00Z")))
                .contains(LocalDateTime.parse("2026-12-07T08:00").atZone(BERLIN));
        assertThat(weekend.endAround(Instant.parse("2026-12-06T23:00:00Z")))
                .contains(LocalDateTime.parse("2026-12-07T08:00").atZone(BERLIN));
        assertThat(weekend.endAround(Instant.parse("2026-12-04T16:59:59Z"))).isEmpty();
        assertThat(weekend.endAround(Instant.parse("2026-12-07T07:00:00Z"))).as("Monday 08:00 in Berlin: the end").isEmpty();
        // Summer time: Friday 18:00 in Berlin is 16:00 UTC.
        assertThat(weekend.endAround(Instant.parse("2026-07-03T16:00:00Z"))).isPresent();
        assertThat(weekend.describe()).isEqualTo("'0 18 * * 5' for 62h Europe/Berlin");
    }

    @Test
    void theWindowThatEndsLastIsTheOneThatCounts() {
        Gates gates = new Gates(java.util.List.of(
                new FreezeWindow.Once(LocalDateTime.parse("2026-12-01T00:00"), LocalDateTime.parse("2026-12-05T00:00"), BERLIN),
                new FreezeWindow.Recurring("0 18 * * 5", Duration.ofHours(62), BERLIN)), java.util.Optional.empty(),
                java.util.List.of());

        Gates.Frozen frozen = gates.frozenAt(Instant.parse("2026-12-04T20:00:00Z")).orElseThrow();

        assertThat(frozen.index()).isEqualTo(1);
        assertThat(frozen.until()).isEqualTo(LocalDateTime.parse("2026-12-07T08:00").atZone(BERLIN));
        assertThat(gates.frozenAt(Instant.parse("2026-12-08T12:00:00Z"))).isEmpty();
    }

    @Test
    void checksAreTheNamesOfCommitStatuses() {
        assertThat(prodGates("      checks: [ci/build, lint]\n").checks()).containsExactly("ci/build", "lint");
        assertThatThrownBy(() -> prodGates("      checks: ci/build\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:7: environments[1].gates.checks: must be a list of the names of commit"
                        + " statuses (e.g. [ci/build, lint]), not a single value");
    }

    @Test
    void aSoakIsADurationOnAnEnvironmentWithOneBeforeIt() {
        assertThat(prodGates("      soak: 1h30m\n").soak()).contains(Duration.ofMinutes(90));
        assertThat(parse("      soak: 1h\n").upstreamOf(parse("      soak: 1h\n").environment("prod").orElseThrow()))
                .map(Environment::name).contains("dev");
        assertThatThrownBy(() -> prodGates("      soak: an hour\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:7: environments[1].gates.soak: must be a duration such as 30m, 2h or 1h30m,"
                        + " not 'an hour'");
        String first = "environments:\n  - name: dev\n    path: apps/{app}/dev\n    gates: {soak: 1h}\n";
        assertThatThrownBy(() -> ConfigLoader.parse(ConfigLoader.CONFIG_PATH, first.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:4: environments[0].gates.soak: environment dev is the first: there is no"
                        + " environment before it for a version to soak in");
    }

    @Test
    void aBadDurationTimeZoneCronOrTimeIsNamedWithTheFileTheLineAndTheKey() {
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {cron: '0 18 * * 5', duration: 2 days}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].duration: must be a duration such as 30m,"
                        + " 2h or 1h30m, not '2 days'");
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {from: 2026-12-20, to: 2026-12-27, timezone: Europe/Berln}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].timezone: unknown time zone"
                        + " 'Europe/Berln'; use a region such as Europe/Berlin or America/New_York, or UTC");
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {cron: '0 18 * * FRI-', duration: 62h}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].cron: not a cron expression"
                        + " of five fields (minute hour day-of-month month day-of-week): ");
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {cron: '0 18 * *', duration: 62h}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].cron: not a cron expression");
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {from: 2026-12-27, to: 2026-12-20}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].to: to (2026-12-20T00:00) must come after"
                        + " from (2026-12-27T00:00)");
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {from: 20.12.2026, to: 2026-12-27}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].from: must be a local date and time such"
                        + " as 2026-12-20T18:00, or a date such as 2026-12-20, in the window's timezone, not '20.12.2026'");
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {cron: '0 18 * * 5'}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].duration: missing: how long each window"
                        + " lasts, such as 62h");
        assertThatThrownBy(() -> prodGates("      freeze:\n        - {cron: '0 18 * * 5', duration: 1h, to: 2026-12-27}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:8: environments[1].gates.freeze[0].to: unknown key 'to'; allowed keys here:"
                        + " cron, duration, timezone");
        assertThatThrownBy(() -> prodGates("      frozen: []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yaml:7: environments[1].gates.frozen: unknown key 'frozen'; allowed keys here:"
                        + " freeze, soak, checks");
    }
}
