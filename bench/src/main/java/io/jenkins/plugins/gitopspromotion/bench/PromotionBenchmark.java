package io.jenkins.plugins.gitopspromotion.bench;

import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.GitDaemon;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FileUtils;

/**
 * Promotion of one app in a config repository of 4,000 apps × 3 environments, served on loopback by the real
 * {@code git daemon} and by the JGit HTTP server, against the two ways a Jenkinsfile does it by hand (naive and
 * expert, see {@link ByHand}), all in the same process, each round in a new order so that a busy machine slows
 * every subject alike. Each run promotes a different app, so each really pushes. The CLI runs warm (a mirror cache
 * made by an earlier run) and cold (an empty cache folder, a fresh JVM). Prints medians and ratios, then
 * sixteen concurrent promotions (throughput, none lost) and the peak heap of one promotion under {@code -Xmx256m}.
 *
 * <p>Options: {@code --apps N} (4000), {@code --history N} (500 commits), {@code --runs N} (7 per subject and
 * server), {@code --cli-jar PATH} ({@code cli/target/gitops-promotion.jar}), {@code --launcher PATH}
 * ({@code cli/target/gitops-promotion}), {@code --aot-java PATH} (see
 * {@link CliProcess#newestJava()}; {@code none} leaves that subject out), {@code --servers daemon,http} (both),
 * {@code --quick true} (the comparison only, without the naive baseline, which takes most of the time, the
 * concurrent promotions and the peak heap), {@code --work DIR} (a new temporary folder, deleted at the end).
 */
public final class PromotionBenchmark {

    private static final String ENV = "dev";
    private static final String NAIVE = "naive: git clone --depth 1, sed, commit, push";
    private static final String EXPERT = "expert: shallow blobless sparse clone, sed, commit, push";
    private static final String ENGINE = "engine in-process, warm mirror";
    private static final String LAUNCHER = "launcher, warm mirror";
    private static final String COLD_JAR = "CLI process, java -jar, cold: empty cache, fresh JVM";
    private static final String COLD_LAUNCHER = "launcher, cold: empty cache, fresh JVM";
    private static final int JIT_WARMUP = 5;
    private static final int CONCURRENT = 16;

    private final Map<String, String> options;
    private final Path work;
    private final int apps;
    private final boolean quick;
    private final List<String[]> promoted = new ArrayList<>();
    private int next;

    private PromotionBenchmark(Map<String, String> options, Path work) {
        this.options = options;
        this.work = work;
        this.apps = Integer.parseInt(options.getOrDefault("apps", "4000"));
        this.quick = Boolean.parseBoolean(options.getOrDefault("quick", "false"));
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path work = options.containsKey("work") ? Path.of(options.get("work")) : Files.createTempDirectory("promotion-bench");
        try {
            new PromotionBenchmark(options, work).run();
        } finally {
            if (!options.containsKey("work")) {
                deleteRecursively(work);
            }
        }
    }

    private void run() throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("runs", "7"));
        int history = Integer.parseInt(options.getOrDefault("history", "500"));
        Path jar = Path.of(options.getOrDefault("cli-jar", "cli/target/gitops-promotion.jar")).toAbsolutePath();
        System.out.println("## Machine\n\n```\n" + Machine.describe() + "\n```\n");

        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path served = work.resolve("served");
        try (GitHttpServer http = GitHttpServer.start(served, "ci", password)) {
            Repository repository = http.createRepository("config");
            long seeding = System.nanoTime();
            SyntheticConfigRepository synthetic = SyntheticConfigRepository.of(apps);
            synthetic.seed(repository);
            synthetic.history(repository, history, 42);
            // A hosted repository is packed; loose objects would slow every subject alike, and no real server has them.
            git(repository, "gc", "--quiet");
            // As GitHub and GitLab do: partial clones are served (else the expert's blobless clone silently gets
            // every blob), and objects a partial clone lacks may be asked for by id (JGit refuses that by default).
            git(repository, "config", "uploadpack.allowFilter", "true");
            git(repository, "config", "uploadpack.allowAnySHA1InWant", "true");
            System.out.printf(Locale.ROOT, "Repository: %d apps × %d environments, %d files, %d commits, packed; made in %.1f s%n%n",
                    apps, SyntheticConfigRepository.ENVIRONMENTS.size(), synthetic.fileCount(), history + 1,
                    (System.nanoTime() - seeding) / 1e9);
            try (GitDaemon daemon = GitDaemon.start(served)) {
                List<String> servers = List.of(options.getOrDefault("servers", "daemon,http").split(","));
                List<Target> targets = List.of(Target.daemon(daemon.url("config").toString()),
                        Target.http(http.url("config").toString(), "ci", password)).stream()
                        .filter(target -> servers.contains(target.key())).toList();
                for (Target target : targets) {
                    compare(target, repository, jar, runs);
                }
                if (!quick) {
                    for (Target target : targets) {
                        concurrent(target);
                    }
                    peakHeap(targets.get(targets.size() - 1), jar);
                }
                verify(repository);
            }
        }
        System.out.println("Load average at the end: " + Machine.loadAverage());
    }

    /** Every subject on one server, {@code runs} times each, one run of each per round in a shuffled order. */
    private void compare(Target target, Repository repository, Path jar, int runs) throws Exception {
        System.out.println("## " + target.name() + "\n");
        Path engineCache = work.resolve("cache-engine");
        PromotionEngine engine = new PromotionEngine(new MirrorCache(engineCache, 120));
        for (int i = 0; i < JIT_WARMUP; i++) {
            String tag = "0.9." + i;
            promote(engine, target, app(tag), tag);
        }
        // Each CLI subject has a mirror cache of its own, warmed by one promotion; an archive or cache of the JVM is
        // made by a promotion of the kind measured: a warm mirror, the config index in place.
        CliProcess plain = CliProcess.plain(jar);
        Map<CliProcess, Path> clis = new LinkedHashMap<>();
        clis.put(plain, warmCache(plain, target, "plain"));
        Path tunedCache = warmCache(plain, target, "tuned");
        Path archive = work.resolve("gitops-promotion.jsa");
        CliProcess.dumpArchive(jar, archive, target, tunedCache, app("0.9.91"), ENV, "0.9.91");
        clis.put(CliProcess.tuned(jar, archive), tunedCache);
        Optional<String> newerJava = options.containsKey("aot-java")
                ? Optional.of(options.get("aot-java")).filter(java -> !java.equals("none"))
                : CliProcess.newestJava();
        if (newerJava.isPresent()) {
            Path aotCache = warmCache(plain, target, "aot");
            clis.put(CliProcess.withAotCache(newerJava.get(), jar, work.resolve("gitops-promotion.aot"), target, aotCache,
                    app("0.9.93"), ENV, "0.9.93"), aotCache);
        }

        // The launcher script makes its class-data archive on its first run; every later run, cold or warm, uses it
        // (the image ships one too). Cold runs start with a cache folder of their own, empty: no mirror, no index.
        Path launcherCache = work.resolve("cache-cli-launcher");
        CliProcess launcher = CliProcess.launcher(Path.of(options.getOrDefault("launcher", "cli/target/gitops-promotion"))
                .toAbsolutePath(), work.resolve("xdg-cache"), target, launcherCache, app("0.9.95"), ENV, "0.9.95");
        clis.put(launcher.labelled(LAUNCHER), launcherCache);
        List<CliProcess> colds = List.of(plain.labelled(COLD_JAR), launcher.labelled(COLD_LAUNCHER));

        Timings timings = new Timings();
        // Each round runs the subjects in a new order (seeded, so a rerun is the same), so that no subject always
        // follows the one whose aftermath is heaviest (the naive clone's 30 MB pack, the in-process engine's JIT).
        Random order = new Random(42);
        for (int run = 0; run < runs; run++) {
            // Untimed, as a hosted server's own maintenance: every push leaves a small pack on the JGit server (it
            // never repacks), and a hundred of them would slow every subject by the end of the run.
            git(repository, "repack", "-d", "-q", "--geometric=2");
            Path naiveWorkspace = workspace("naive");
            Path expertWorkspace = workspace("expert");
            String tag = "2." + run + ".";
            String naive = quick ? null : app(tag + 1);
            String expert = app(tag + 2);
            String inProcess = app(tag + 3);
            Map<String, Work> subjects = new LinkedHashMap<>();
            if (!quick) {
                subjects.put(NAIVE, () -> ByHand.naive(target, naiveWorkspace, naive, ENV, tag + 1));
            }
            subjects.put(EXPERT, () -> ByHand.expert(target, expertWorkspace, expert, ENV, tag + 2));
            subjects.put(ENGINE, () -> promote(engine, target, inProcess, tag + 3));
            int subject = 4;
            for (Map.Entry<CliProcess, Path> cli : clis.entrySet()) {
                String version = tag + subject++;
                String app = app(version);
                subjects.put(cli.getKey().label(), () -> cli.getKey().promote(target, cli.getValue(), app, ENV, version));
            }
            List<Path> coldCaches = new ArrayList<>();
            for (CliProcess cold : colds) {
                String version = tag + subject++;
                String app = app(version);
                Path empty = work.resolve("cache-cold-" + coldCaches.size());
                deleteRecursively(empty);
                coldCaches.add(empty);
                subjects.put(cold.label(), () -> cold.promote(target, empty, app, ENV, version));
            }
            timings.register(subjects.keySet());
            List<String> labels = new ArrayList<>(subjects.keySet());
            Collections.shuffle(labels, order);
            for (String label : labels) {
                time(timings, label, subjects.get(label));
            }
        }
        System.out.println(timings.table());
        System.out.printf(Locale.ROOT, "- engine in-process vs %sexpert: %.1f× (goal ≥ 3×)%n",
                againstNaive(timings, ENGINE, 10), timings.speedup(EXPERT, ENGINE));
        for (CliProcess cli : clis.keySet()) {
            System.out.printf(Locale.ROOT, "- %s vs %sexpert: %.2f× (goal ≥ 1×)%n", cli.label(),
                    againstNaive(timings, cli.label(), 5), timings.speedup(EXPERT, cli.label()));
        }
        for (CliProcess cold : colds) {
            System.out.printf(Locale.ROOT, "- %s: %.2f× the expert's time (goal ≤ 1.5×, aim ≤ 1×)%s%n", cold.label(),
                    1 / timings.speedup(EXPERT, cold.label()), timings.subjects().contains(NAIVE) ? String.format(Locale.ROOT,
                            "; %.1f× faster than naive", timings.speedup(NAIVE, cold.label())) : "");
        }
        for (CliProcess cli : clis.keySet()) {
            if (cli.jar() != null && cli != plain) {
                System.out.println("- " + cli.label() + ": " + cli.launcher().replace(CliProcess.java(), "java") + " "
                        + String.join(" ", cli.jvmFlags()).replace(work + "/", ""));
            }
        }
        System.out.println("- the AppCDS archive is a static one (one promotion's -XX:DumpLoadedClassList, then"
                + " java -Xshare:dump); the AOT cache is made by one promotion with -XX:AOTCacheOutput; the launcher makes"
                + " its own archive on its first run, before the timed runs");
        System.out.println("- cold: a new cache folder for each run (no mirror, no config index) and a new JVM; the"
                + " baselines are cold in every run (a new clone in an empty folder)\n");
    }

    /** {@code "naive: N× faster (goal ≥ G×); vs "}, or nothing when the naive baseline was left out. */
    private static String againstNaive(Timings timings, String subject, int goal) {
        return timings.subjects().contains(NAIVE)
                ? String.format(Locale.ROOT, "naive: %.1f× faster (goal ≥ %d×); vs ", timings.speedup(NAIVE, subject), goal)
                : "";
    }

    /** A mirror cache of its own for a CLI subject, warmed by one promotion. */
    private Path warmCache(CliProcess cli, Target target, String name) throws IOException {
        Path cache = work.resolve("cache-cli-" + name);
        String tag = "0.9." + (90 + next % 10);
        cli.promote(target, cache, app(tag), ENV, tag);
        return cache;
    }

    /** Sixteen promotions of different apps at once, each with its own warm engine: throughput, none lost. */
    private void concurrent(Target target) throws Exception {
        List<PromotionEngine> engines = new ArrayList<>();
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            PromotionEngine engine = new PromotionEngine(new MirrorCache(work.resolve("cache-concurrent-" + i), 120));
            engine.readBase(target.location(), target.auth(), "main", (tree, commit) -> commit);
            engines.add(engine);
        }
        String tag = "3." + next + ".0";
        for (int i = 0; i < CONCURRENT; i++) {
            apps.add(SyntheticConfigRepository.appName((1000 + 7 * next++) % this.apps));
        }
        List<Thread> threads = new ArrayList<>();
        List<PromotionResult.Status> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < CONCURRENT; i++) {
            PromotionEngine engine = engines.get(i);
            String app = apps.get(i);
            Thread thread = new Thread(() -> {
                try {
                    statuses.add(promote(engine, target, app, tag).status());
                    synchronized (promoted) {
                        promoted.add(new String[] {app, tag});
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(app + ": " + e.getMessage());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long landed = statuses.stream().filter(PromotionResult.Status.PROMOTED::equals).count();
        System.out.printf(Locale.ROOT, "## %d concurrent promotions, %s%n%n- %d landed, %d failed with a clear error, in %.2f s:"
                + " %.1f promotions/s%n",
                CONCURRENT, target.name(), landed, failures.size(), seconds, CONCURRENT / seconds);
        failures.forEach(f -> System.out.println("  - failed: " + f));
        System.out.println();
    }

    /** One promotion in a JVM of its own with {@code -Xmx256m}: cold (no mirror yet) and warm; then the CLI cold. */
    private void peakHeap(Target target, Path jar) throws Exception {
        System.out.println("## Peak heap of one promotion (JGit HTTP server, -Xmx256m)\n");
        Path benchJar = Path.of(PromotionBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path cache = work.resolve("cache-heap");
        for (String state : List.of("cold mirror (first clone)", "warm mirror")) {
            String tag = "4.0." + next;
            String app = app(tag);
            List<String> command = List.of(CliProcess.java(), "-Xmx256m",
                    "-cp", benchJar.toString(), PeakHeapProbe.class.getName(), target.url(), cache.toString(), ENV, app, tag, "ci");
            String out = Processes.run(work, target.cliEnvironment(), command).strip();
            String line = out.substring(out.lastIndexOf('\n') + 1);
            long peak = Long.parseLong(line.replaceAll(".*peak-heap-bytes=(\\d+).*", "$1"));
            System.out.printf(Locale.ROOT, "- %s: %s, peak heap %.0f MiB (sum of the heap pools' peaks)%n", state,
                    line.replaceAll("status=(\\w+).*", "$1"), peak / 1048576.0);
        }
        String tag = "4.1." + next;
        String app = app(tag);
        CliProcess.plain(jar).promote(target, work.resolve("cache-heap-cli"), app, ENV, tag, List.of("-Xmx256m"));
        System.out.println("- CLI process with -Xmx256m, cold mirror: promoted (exit code 0)\n");
    }

    /** Every promotion of the benchmark that reported success is on the server's base branch: none lost. */
    private void verify(Repository repository) throws IOException {
        int lost = 0;
        Map<String, String> last = new LinkedHashMap<>();
        promoted.forEach(p -> last.put(p[0], p[1]));
        for (Map.Entry<String, String> entry : last.entrySet()) {
            String overlay = BareRepos.readFile(repository, "main", SyntheticConfigRepository.overlay(entry.getKey(), ENV));
            if (!overlay.contains("newTag: \"" + entry.getValue() + "\"")) {
                lost++;
                System.out.println("LOST: " + entry.getKey() + " " + entry.getValue());
            }
        }
        System.out.printf(Locale.ROOT, "## Check%n%n- %d promotions that reported success checked on the server's base branch, %d lost; history linear: %s%n%n",
                last.size(), lost, BareRepos.isLinear(repository, "main"));
        if (lost > 0) {
            throw new IllegalStateException(lost + " promotions lost");
        }
    }

    private PromotionResult promote(PromotionEngine engine, Target target, String app, String tag) throws IOException {
        PromotionResult result = engine.promote(PromotionRequest.builder(target.location(), ENV).app(app).auth(target.auth())
                .version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
        if (result.status() != PromotionResult.Status.PROMOTED) {
            throw new IllegalStateException("expected a promotion, got " + result.status() + ": " + result.reason());
        }
        return result;
    }

    /**
     * A different app for every promotion, so that every run really pushes; remembered with its tag, to check at
     * the end that none was lost.
     */
    private String app(String tag) {
        String app = SyntheticConfigRepository.appName((1000 + 7 * next++) % apps);
        promoted.add(new String[] {app, tag});
        return app;
    }

    /** An empty workspace for a baseline, as a clean Jenkins workspace; the previous one is deleted untimed. */
    private Path workspace(String name) throws IOException {
        Path workspace = work.resolve("workspace-" + name);
        deleteRecursively(workspace);
        return workspace;
    }

    /** A timed piece of work. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static void time(Timings timings, String subject, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        timings.add(subject, System.nanoTime() - start);
    }

    /** Runs {@code git} on the served repository. */
    private void git(Repository repository, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + repository.getDirectory()));
        command.addAll(List.of(arguments));
        Processes.run(work, Map.of(), command);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    }
}
