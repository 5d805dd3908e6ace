package io.jenkins.plugins.gitopspromotion.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code gitops-promotion} CLI as a whole process, JVM start included, with a given set of JVM flags.
 *
 * @param label how the report names it
 * @param jar the CLI's runnable jar
 * @param jvmFlags flags before {@code -jar}
 */
record CliProcess(String label, Path jar, List<String> jvmFlags) {

    /** The flags that honestly help a short-lived JVM on JDK 17, besides class-data sharing. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /** The CLI as anyone would start it: {@code java -jar}. */
    static CliProcess plain(Path jar) {
        return new CliProcess("CLI process, java -jar", jar, List.of());
    }

    /**
     * The CLI with an application class-data archive ({@code -XX:SharedArchiveFile}, dumped once by
     * {@link #dumpArchive}) and {@link #QUICK_START}.
     */
    static CliProcess tuned(Path jar, Path archive) {
        List<String> flags = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        flags.addAll(QUICK_START);
        return new CliProcess("CLI process, AppCDS + C1 + SerialGC", jar, flags);
    }

    /**
     * Runs one real promotion with {@code -XX:ArchiveClassesAtExit}, which writes the archive of every class it
     * loaded (JDK 17 has no {@code -XX:+AutoCreateSharedArchive}).
     */
    static void dumpArchive(Path jar, Path archive, Target target, Path cache, String app, String env, String tag)
            throws IOException {
        new CliProcess("training", jar, List.of("-XX:ArchiveClassesAtExit=" + archive))
                .promote(target, cache, app, env, tag, List.of());
    }

    /** Promotes {@code app} to {@code tag} in {@code env}, with the mirror cache in {@code cache}. */
    void promote(Target target, Path cache, String app, String env, String tag) throws IOException {
        promote(target, cache, app, env, tag, List.of());
    }

    /** As {@link #promote(Target, Path, String, String, String)}, with extra JVM flags such as {@code -Xmx256m}. */
    void promote(Target target, Path cache, String app, String env, String tag, List<String> extraFlags) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        command.addAll(List.of("-jar", jar.toString(), "promote", "--repo", target.url(), "--cache-dir", cache.toString(),
                "--env", env, "--app", app, "--tag", tag));
        command.addAll(target.cliOptions());
        Map<String, String> environment = new HashMap<>(target.cliEnvironment());
        Processes.run(cache.getParent(), environment, command);
    }
}
