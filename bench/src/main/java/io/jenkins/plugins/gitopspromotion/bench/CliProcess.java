package io.jenkins.plugins.gitopspromotion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code gitops-promotion} CLI as a whole process, JVM start included, with a given {@code java} launcher and
 * JVM flags, or started by its launcher script.
 *
 * @param label how the report names it
 * @param launcher the {@code java} launcher, or the launcher script
 * @param jar the CLI's runnable jar, or null when {@code launcher} is the script
 * @param jvmFlags flags before {@code -jar}
 * @param environment added to the process's environment
 */
record CliProcess(String label, String launcher, Path jar, List<String> jvmFlags, Map<String, String> environment) {

    /** How long the launcher's first run may take to dump its class-data archive in the background. */
    private static final long ARCHIVE_WAIT_MILLIS = 120_000;

    /** The flags that honestly help a short-lived JVM, besides class-data sharing. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)[^\"]*\"");

    /** The CLI as anyone would start it: {@code java -jar}. */
    static CliProcess plain(Path jar) {
        return new CliProcess("CLI process, java -jar", java(), jar, List.of(), Map.of());
    }

    /**
     * The CLI with an application class-data archive ({@code -XX:SharedArchiveFile}, made once by
     * {@link #dumpArchive}) and {@link #QUICK_START}.
     */
    static CliProcess tuned(Path jar, Path archive) {
        List<String> flags = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
        flags.addAll(QUICK_START);
        return new CliProcess("CLI process, AppCDS + C1 + SerialGC", java(), jar, flags, Map.of());
    }

    /**
     * Makes a static class-data archive: one real promotion lists the classes it loads
     * ({@code -XX:DumpLoadedClassList}), then {@code java -Xshare:dump} archives them with the JDK's own. A static
     * archive, unlike a dynamic one ({@code -XX:ArchiveClassesAtExit}), also holds the pre-generated method-handle
     * forms the list records; on this repository it started the CLI about 150 ms sooner (578 against 413 ms over HTTP).
     */
    static void dumpArchive(Path jar, Path archive, Target target, Path cache, String app, String env, String tag)
            throws IOException {
        Path classList = archive.resolveSibling(archive.getFileName() + ".classlist");
        new CliProcess("training", java(), jar, List.of("-XX:DumpLoadedClassList=" + classList), Map.of())
                .promote(target, cache, app, env, tag, List.of());
        Processes.run(cache.getParent(), Map.of(), List.of(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString()));
    }

    /**
     * The same jar on a newer JDK's {@code java} with its ahead-of-time cache ({@code -XX:AOTCache}, JDK 24 and
     * later: classes loaded and linked, and on JDK 25 method profiles), made once by one real promotion with
     * {@code -XX:AOTCacheOutput}; and {@link #QUICK_START}.
     */
    static CliProcess withAotCache(String java, Path jar, Path cacheFile, Target target, Path cache, String app,
            String env, String tag) throws IOException {
        new CliProcess("training", java, jar, List.of("-XX:AOTCacheOutput=" + cacheFile), Map.of())
                .promote(target, cache, app, env, tag, List.of());
        List<String> flags = new ArrayList<>(List.of("-XX:AOTCache=" + cacheFile));
        flags.addAll(QUICK_START);
        return new CliProcess("CLI process, JDK " + majorVersion(Path.of(java).getParent().getParent()).orElse(0)
                + " AOT cache + C1 + SerialGC", java, jar, flags, Map.of());
    }

    /**
     * The launcher script beside the jar ({@code cli/target/gitops-promotion}), run on the benchmark's JDK with its
     * cache in {@code xdgCache}: one real promotion makes its class-data archive (the script dumps it in the
     * background after that run), which this waits for, as a user's second run would find it.
     *
     * @throws IOException if the promotion fails or no archive appears within two minutes
     */
    static CliProcess launcher(Path script, Path xdgCache, Target target, Path cache, String app, String env, String tag)
            throws IOException {
        CliProcess launcher = new CliProcess("launcher (gitops-promotion script)", script.toString(), null, List.of(),
                Map.of("XDG_CACHE_HOME", xdgCache.toString(), "JAVA_HOME", System.getProperty("java.home")));
        launcher.promote(target, cache, app, env, tag);
        long deadline = System.currentTimeMillis() + ARCHIVE_WAIT_MILLIS;
        while (!hasArchive(xdgCache.resolve("gitops-promotion/jvm"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the launcher made no class-data archive under " + xdgCache);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the launcher's archive", e);
            }
        }
        return launcher;
    }

    private static boolean hasArchive(Path jvmCache) throws IOException {
        if (!Files.isDirectory(jvmCache)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(jvmCache)) {
            return files.anyMatch(f -> f.getFileName().toString().equals("app.jsa"));
        }
    }

    /** The same process under another label. */
    CliProcess labelled(String newLabel) {
        return new CliProcess(newLabel, launcher, jar, jvmFlags, environment);
    }

    /**
     * The {@code java} of the newest JDK 25 or later installed under {@code /usr/lib/jvm}, if any (the JDK running
     * the benchmark is 17).
     */
    static Optional<String> newestJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> majorVersion(home).orElse(0) >= 25)
                    .max(Comparator.comparing(home -> majorVersion(home).orElse(0)))
                    .map(home -> home.resolve("bin/java").toString());
        }
    }

    /** A JDK's feature version, from its {@code release} file. */
    private static Optional<Integer> majorVersion(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Promotes {@code app} to {@code tag} in {@code env}, with the mirror cache in {@code cache}. */
    void promote(Target target, Path cache, String app, String env, String tag) throws IOException {
        promote(target, cache, app, env, tag, List.of());
    }

    /** As {@link #promote(Target, Path, String, String, String)}, with extra JVM flags such as {@code -Xmx256m}. */
    void promote(Target target, Path cache, String app, String env, String tag, List<String> extraFlags) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(List.of("promote", "--repo", target.url(), "--cache-dir", cache.toString(),
                "--env", env, "--app", app, "--tag", tag));
        command.addAll(target.cliOptions());
        Map<String, String> variables = new HashMap<>(target.cliEnvironment());
        variables.putAll(environment);
        Processes.run(cache.getParent(), variables, command);
    }

    /** The {@code java} launcher of the JDK running the benchmark. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
