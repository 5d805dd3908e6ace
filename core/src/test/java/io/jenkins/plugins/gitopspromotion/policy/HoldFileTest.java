package io.jenkins.plugins.gitopspromotion.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HoldFileTest {

    private static final Instant AT = Instant.parse("2026-12-06T07:40:00Z");
    private static final Hold WEB_PROD = new Hold("web", "prod", "Jane Doe <jane@example.com>", AT, "1.5.0 leaks memory");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aNewFileSaysWhatItIsForAndReadsBackTheHold() {
        String written = text(HoldFile.parse(new byte[0]).place(WEB_PROD));

        assertThat(written).isEqualTo("# Cells held by rollbacks: promotions into them are refused until the hold is released\n"
                + "# (gitops-promotion release --env ENV --app APP, or the promotion view's Release button).\n"
                + "holds:\n"
                + "  - app: web\n"
                + "    env: prod\n"
                + "    by: Jane Doe <jane@example.com>\n"
                + "    at: \"2026-12-06T07:40:00Z\"\n"
                + "    reason: 1.5.0 leaks memory\n");
        assertThat(HoldFile.parse(bytes(written)).holds()).containsExactly(WEB_PROD);
    }

    @Test
    void placingAndReleasingKeepEveryOtherByteOfAFilePeopleEdited() {
        String original = "# holds, see the runbook\r\nholds:\r\n- app: api   # the old one\r\n  env: dev\r\n  by: ops\r\n"
                + "  at: 2026-01-01T00:00:00Z\r\n  reason: 'flaky: yes'\r\n# end\r\n";
        HoldFile file = HoldFile.parse(bytes(original));

        String placed = text(file.place(WEB_PROD));
        assertThat(placed).isEqualTo("# holds, see the runbook\r\nholds:\r\n- app: api   # the old one\r\n  env: dev\r\n  by: ops\r\n"
                + "  at: 2026-01-01T00:00:00Z\r\n  reason: 'flaky: yes'\r\n- app: web\r\n  env: prod\r\n"
                + "  by: Jane Doe <jane@example.com>\r\n  at: \"2026-12-06T07:40:00Z\"\r\n  reason: 1.5.0 leaks memory\r\n# end\r\n");
        assertThat(HoldFile.parse(bytes(placed)).of("api", "dev")).map(Hold::reason).contains("flaky: yes");

        assertThat(text(HoldFile.parse(bytes(placed)).release("web", "prod"))).isEqualTo(original);
        assertThat(text(file.release("api", "dev"))).isEqualTo("# holds, see the runbook\r\nholds:\r\n# end\r\n");
    }

    @Test
    void aSecondHoldOnTheSameCellReplacesTheFirstAndTheLastReleaseLeavesAnEmptyList() {
        HoldFile first = HoldFile.parse(HoldFile.parse(new byte[0]).place(WEB_PROD));
        Hold again = new Hold("web", "prod", "Sam <sam@example.com>", AT.plusSeconds(60), "still leaking");

        HoldFile replaced = HoldFile.parse(first.place(again));
        assertThat(replaced.holds()).containsExactly(again);

        HoldFile empty = HoldFile.parse(replaced.release("web", "prod"));
        assertThat(empty.holds()).isEmpty();
        assertThat(HoldFile.parse(empty.place(WEB_PROD)).holds()).containsExactly(WEB_PROD);
    }

    @Test
    void aFlowListTakesHoldsInFlowStyle() {
        String placed = text(HoldFile.parse(bytes("holds: []\n")).place(WEB_PROD));
        assertThat(placed).isEqualTo("holds: [{app: web, env: prod, by: Jane Doe <jane@example.com>, at: \"2026-12-06T07:40:00Z\","
                + " reason: 1.5.0 leaks memory}]\n");
        assertThat(text(HoldFile.parse(bytes(placed)).release("web", "prod"))).isEqualTo("holds: []\n");
    }

    @Test
    void aReasonThatLooksLikeYamlIsQuotedAndReadBackAsWritten() {
        Hold odd = new Hold("web", "prod", "ops", AT, "#1: rollback - see 'INC-42', {urgent}");
        assertThat(HoldFile.parse(HoldFile.parse(new byte[0]).place(odd)).holds()).containsExactly(odd);
    }

    @Test
    void errorsNameTheFileTheLineAndTheKey() {
        assertThatThrownBy(() -> HoldFile.parse(bytes("holds:\n  - app: web\n    env: prod\n    by: ops\n    at: yesterday\n"
                + "    reason: r\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/holds.yaml:5: holds[0].at: must be a UTC time such as 2026-12-06T07:40:00Z, not 'yesterday'");
        assertThatThrownBy(() -> HoldFile.parse(bytes("holds:\n  - app: web\n    environment: prod\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/holds.yaml:3: holds[0]: unknown key 'environment'; the keys are app, env, by, at, reason");
        assertThatThrownBy(() -> HoldFile.parse(bytes("holds:\n  - app: web\n    env: prod\n    by: ops\n    at: \"2026-12-06T07:40:00Z\"\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/holds.yaml:2: holds[0].reason: missing: a hold says which app, in which env, by whom,"
                        + " at what time and why");
        String twice = "holds:\n  - {app: web, env: prod, by: a, at: 2026-12-06T07:40:00Z, reason: r}\n"
                + "  - {app: web, env: prod, by: b, at: 2026-12-06T07:40:00Z, reason: s}\n";
        assertThatThrownBy(() -> HoldFile.parse(bytes(twice)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/holds.yaml:3: holds[1]: web in prod is held twice (first at line 2); keep one hold per app"
                        + " and environment");
        assertThatThrownBy(() -> HoldFile.parse(bytes("held: []\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/holds.yaml:1: unknown key 'held'; the only key is holds");
    }

    @Test
    void aHoldIsOneLineOfBoundedText() {
        assertThatThrownBy(() -> new Hold("web", "prod", "ops", AT, "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the reason of the hold must be one line of at most 500 characters, not 'two\\nlines'");
        assertThatThrownBy(() -> new Hold("web", "prod", " ", AT, "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("who placed the hold is missing");
        assertThat(WEB_PROD.describe()).isEqualTo("held by Jane Doe <jane@example.com> since 2026-12-06T07:40:00Z: 1.5.0 leaks memory");
    }
}
