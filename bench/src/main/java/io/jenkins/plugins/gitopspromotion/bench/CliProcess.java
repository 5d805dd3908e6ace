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
     * The CLI with an application class-data archive ({@code -XX:SharedArchiveFile}, made once by
     * {@link #dumpArchive}) and {@link #QUICK_START}.
     */
    static CliProcess tuned(Path jar, Path archive) {
        List<String> flags = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        flags.addAll(QUICK_START);
        return new CliProcess("CLI process, AppCDS + C1 + SerialGC", jar, flags);
    }

    /**
     * Makes a static class-data archive: one real promotion lists the classes it loads
     * ({@code -XX:DumpLoadedClassList}), then {@code java -Xshare:dump} archives them with the JDK's own. A static
     * archive, unlike a dynamic one ({@code -XX:ArchiveClassesAtExit}), also holds the pre-generated method-handle
     * forms the list records; on this repository it started the CLI about 80 ms sooner. Picocli's classes (Java 5
     * bytecode) stay out of either kind on JDK 17.
     */
    static void dumpArchive(Path jar, Path archive, Target target, Path cache, String app, String env, String tag)
            throws IOException {
        Path classList = archive.resolveSibling(archive.getFileName() + ".classlist");
        new CliProcess("training", jar, List.of("-XX:DumpLoadedClassList=" + classList))
                .promote(target, cache, app, env, tag, List.of());
        Processes.run(cache.getParent(), Map.of(), List.of(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString()));
    }

    /** Promotes {@code app} to {@code tag} in {@code env}, with the mirror cache in {@code cache}. */
    void promote(Target target, Path cache, String app, String env, String tag) throws IOException {
        promote(target, cache, app, env, tag, List.of());
    }

    /** As {@link #promote(Target, Path, String, String, String)}, with extra JVM flags such as {@code -Xmx256m}. */
    void promote(Target target, Path cache, String app, String env, String tag, List<String> extraFlags) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        command.addAll(List.of("-jar", jar.toString(), "promote", "--repo", target.url(), "--cache-dir", cache.toString(),
                "--env", env, "--app", app, "--tag", tag));
        command.addAll(target.cliOptions());
        Map<String, String> environment = new HashMap<>(target.cliEnvironment());
        Processes.run(cache.getParent(), environment, command);
    }

    /** The {@code java} launcher of the JDK running the benchmark. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
