package io.jenkins.plugins.gitopspromotion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the figures were measured on, printed with them. */
final class Machine {

    private Machine() {
    }

    /** Processors, CPU model, JDK, git version and load average, one per line. */
    static String describe() throws IOException {
        return "processors: " + Runtime.getRuntime().availableProcessors() + "\n"
                + "cpu: " + cpuModel() + "\n"
                + "jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
                + "git: " + Processes.run(Path.of("."), Map.of(), List.of("git", "--version")).strip() + "\n"
                + "load average: " + loadAverage();
    }

    /** The 1, 5 and 15 minute load averages, from {@code /proc/loadavg}. */
    static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        if (!Files.exists(proc)) {
            return "unknown";
        }
        String[] fields = Files.readString(proc).strip().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String cpuModel() throws IOException {
        Path proc = Path.of("/proc/cpuinfo");
        if (!Files.exists(proc)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(proc).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
    }
}
