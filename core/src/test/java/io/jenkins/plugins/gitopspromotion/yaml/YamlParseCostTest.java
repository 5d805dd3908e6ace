package io.jenkins.plugins.gitopspromotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What parsing costs: every file the limits allow parses in well under a second, whatever its shape. Long lines
 * and long scalars once cost time quadratic in their length (a 4 MiB one-line comment about 40 s); millions of
 * tiny nodes cost seconds and gigabytes, and are refused by count. Measured as this thread's CPU time, so that
 * other work on the machine does not count.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class YamlParseCostTest {

    private static final Duration WELL_UNDER_A_SECOND = Duration.ofMillis(1000);
    private static final int SEVEN_MIB = 7 * 1024 * 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Each shape, as a file of about {@code n} bytes. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                arguments("a one-line comment", (IntFunction<String>) n -> "images: []\n# " + "x".repeat(n) + "\n"),
                arguments("a double-quoted scalar", (IntFunction<String>) n -> "a: \"" + "x".repeat(n) + "\"\n"),
                arguments("a single-quoted scalar", (IntFunction<String>) n -> "a: '" + "x".repeat(n) + "'\n"),
                arguments("a plain scalar", (IntFunction<String>) n -> "a: " + "x".repeat(n) + "\n"),
                arguments("a block scalar's line", (IntFunction<String>) n -> "a: |\n  " + "x".repeat(n) + "\n"),
                arguments("a quoted scalar over many lines", (IntFunction<String>) n -> "a: \""
                        + (("x".repeat(60)) + "\n  ").repeat(n / 63) + "\"\n"),
                arguments("trailing spaces", (IntFunction<String>) n -> "a: 1" + " ".repeat(n) + "\n"),
                arguments("non-ASCII text", (IntFunction<String>) n -> "a: \"" + "é".repeat(n / 2) + "\"\n"),
                arguments("the most nodes allowed", (IntFunction<String>) n -> "- a: b\n"
                        .repeat(YamlLimits.DEFAULT.maxNodes() / 3)));
    }

    @BeforeAll
    static void warmUp() {
        // The first parses run interpreted; what a long-lived process (Jenkins, serve) pays is the compiled cost.
        shapes().forEach(shape -> {
            for (int i = 0; i < 5; i++) {
                YamlFile.parse("warm.yaml", text(shape, 64 * 1024), YamlLimits.DEFAULT);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static byte[] text(Arguments shape, int bytes) {
        return ((IntFunction<String>) shape.get()[1]).apply(bytes).getBytes(StandardCharsets.UTF_8);
    }

    private static Duration cpu(Runnable work) {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run();
        return Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void aSevenMebibyteFileOfEachShapeParsesInWellUnderASecond(String shape, IntFunction<String> file) {
        byte[] bytes = file.apply(SEVEN_MIB).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(YamlLimits.DEFAULT.maxBytes());

        Duration took = cpu(() -> YamlFile.parse("big.yaml", bytes, YamlLimits.DEFAULT));

        assertThat(took).as("%s of %d bytes", shape, bytes.length).isLessThan(WELL_UNDER_A_SECOND);
    }

    @Test
    void aFileOfMoreNodesThanTheLimitIsRefusedQuicklyNamingTheLine() {
        byte[] bytes = "- a: b\n".repeat(YamlLimits.DEFAULT.maxNodes()).getBytes(StandardCharsets.UTF_8);

        Duration took = cpu(() -> assertThatThrownBy(() -> YamlFile.parse("many.yaml", bytes, YamlLimits.DEFAULT))
                .isInstanceOf(YamlEditException.class)
                .hasMessage("many.yaml:83334: refused: more than 250000 nodes (values, mappings, lists) in one file, more"
                        + " than parsing it safely allows"));

        assertThat(took).isLessThan(WELL_UNDER_A_SECOND);
    }
}
