package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.AuditReport;
import io.jenkins.plugins.gitopspromotion.guard.ConfigAudit;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import io.jenkins.plugins.gitopspromotion.update.HelmValuesUpdater;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdater;
import io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdater;
import io.jenkins.plugins.gitopspromotion.update.ManifestsUpdater;
import io.jenkins.plugins.gitopspromotion.update.SettersUpdater;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewApi;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile and broken input (files under {@code src/test/resources/bad-input}, and a 50 MB file made
 * at test time) run through config parsing, image reference parsing, every editor, and whole promotions against
 * a real Git server: each is refused with an error that names the problem, within a few seconds, and nothing is
 * written (the server's branches stay exactly as they were).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BadInputCorpusTest {

    /** What any one parse may take, however hostile the input. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String OVERLAY = "apps/web/dev/kustomization.yaml";
    private static final ImageUpdate UPDATE = ImageUpdate.of("ghcr.io/acme/web", "2.0.0", null);

    @TempDir
    static Path temp;

    private static GitHttpServer server;
    private static final AtomicInteger REPOSITORIES = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = GitHttpServer.start(temp.resolve("git"), "ci", "pw-123456");
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/" + name)) {
            assertThat(in).as("corpus file %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** A 50 MB YAML file, made here rather than kept in Git; compressible, so that serving it stays cheap. */
    private static byte[] fiftyMegabytes() {
        byte[] line = "- name: ghcr.io/acme/web\n  newTag: \"1.0.0\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[50 * 1024 * 1024];
        byte[] head = "images:\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int at = head.length; at < bytes.length; at += line.length) {
            System.arraycopy(line, 0, bytes, at, Math.min(line.length, bytes.length - at));
        }
        return bytes;
    }

    /** More nodes than the limit allows, in a file of about 2 MB: refused by count, not by size. */
    private static byte[] manyNodes() {
        return "- a: b\n".repeat(YamlLimits.DEFAULT.maxNodes() / 3 + 1).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] file(String name) throws IOException {
        return switch (name) {
            case "50MB" -> fiftyMegabytes();
            case "250,001 nodes" -> manyNodes();
            default -> corpus(name);
        };
    }

    private static List<ImageUpdater> editors() {
        return List.of(new KustomizeImagesUpdater(YamlLimits.DEFAULT), new ManifestsUpdater(YamlLimits.DEFAULT),
                new HelmValuesUpdater(HelmValuesUpdater.DEFAULT_TAG_PATH, Optional.empty(), YamlLimits.DEFAULT),
                new SettersUpdater(Optional.empty(), YamlLimits.DEFAULT));
    }

    /** Runs {@code work}, which must fail within {@link #BOUND}, and returns its failure. */
    private static Throwable failsInTime(Executable work) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                work.execute();
            } catch (Throwable t) {
                return t;
            }
            throw new AssertionError("accepted, but should have been refused");
        });
    }

    /** Each corpus file, and the problem its refusal must name. */
    static Stream<Arguments> yamlCorpus() {
        return Stream.of(
                arguments("billion-laughs.yaml", "refused: Number of aliases for non-scalar nodes exceeds the specified max=50"),
                arguments("deep-nesting.yaml", "refused: nesting"),
                arguments("deep-block-nesting.yaml", "refused: nesting deeper than 128 levels"),
                arguments("invalid-utf8.yaml", ":4: file is not valid UTF-8"),
                arguments("utf16.yaml", "only UTF-8"),
                arguments("duplicate-keys.yaml", ":4: duplicate key 'images' (first at line 1)"),
                arguments("control-characters.yaml", ":3: file contains the control character U+001B"),
                arguments("nul-byte.yaml", ":3: file contains the control character U+0000"),
                arguments("template.yaml", "template expression"),
                arguments("not-yaml.yaml", "not valid YAML"),
                arguments("50MB", "over the limit of 8388608 bytes"),
                arguments("250,001 nodes", "refused: more than 250000 nodes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlCorpus")
    void everyEditorAndTheConfigParserRefuseItInTime(String name, String problem) throws Exception {
        byte[] bytes = file(name);
        for (ImageUpdater editor : editors()) {
            assertThat(failsInTime(() -> editor.apply(OVERLAY, bytes, UPDATE))).as("%s apply", editor.kind())
                    .isInstanceOf(YamlEditException.class).hasMessageStartingWith(OVERLAY).hasMessageContaining(problem);
            assertThat(failsInTime(() -> editor.read(OVERLAY, bytes, UPDATE.image()))).as("%s read", editor.kind())
                    .isInstanceOf(YamlEditException.class).hasMessageContaining(problem);
        }
        assertThat(failsInTime(() -> ConfigLoader.parse(ConfigLoader.CONFIG_PATH, bytes)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(ConfigLoader.CONFIG_PATH).hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlCorpus")
    void aPromotionIntoSuchAFileIsRefusedAndWritesNothing(String name, String problem) throws Exception {
        Repository remote = seeded(Map.of(OVERLAY, file(name)));
        assertRefusedAndNothingWritten(remote, "dev", YamlEditException.class, OVERLAY, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlCorpus")
    void aPromotionInARepositoryWhoseConfigIsSuchAFileIsRefusedAndWritesNothing(String name, String problem) throws Exception {
        Repository remote = seeded(Map.of(ConfigLoader.CONFIG_PATH, file(name)));
        assertRefusedAndNothingWritten(remote, "dev", ConfigException.class, ConfigLoader.CONFIG_PATH, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "path-traversal.yaml               | :3: environments[0].path: path 'apps/{app}/../../../etc' has a '..' segment",
        "absolute-path.yaml                | :3: environments[0].path: path '/etc/{app}' is absolute",
        "git-dir-path.yaml                 | :3: environments[0].path: path '.git/hooks' points into '.git'",
        "traversal-app-name.yaml           | :5: apps[0].name: '../../etc' is not a valid name",
        "control-character-path.yaml       | :3: environments[0].path: path 'apps/{app}/dev\\u0007' contains a control character",
        "control-character-env-name.yaml   | :2: environments[0].name: 'dev\\u001b[31m' is not a valid name",
        "branch-unsafe-env-name.yaml       | :2: environments[0].name: 'dev..prod' is not a valid name: it contains '..'",
        "control-character-image.yaml      | :6: apps[0].image:",
    })
    void aConfigThatWouldLeadOutOfItsFolderOrCarriesUnsafeNamesIsRefusedAndWritesNothing(String name, String problem)
            throws Exception {
        byte[] bytes = corpus("config/" + name);
        assertThat(failsInTime(() -> ConfigLoader.parse(ConfigLoader.CONFIG_PATH, bytes)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ConfigLoader.CONFIG_PATH + problem);
        Repository remote = seeded(Map.of(ConfigLoader.CONFIG_PATH, bytes));
        assertRefusedAndNothingWritten(remote, "dev", ConfigException.class, ConfigLoader.CONFIG_PATH, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "binary-tag.yaml     | :5: refused: images[ghcr.io/acme/web].newTag is explicitly tagged !!binary, so it is not plain text",
        "custom-tag.yaml     | :3: refused: images[ghcr.io/acme/web].newTag is explicitly tagged !semver, so it is not plain text",
        "merge-key-name.yaml | :5: refused: the mapping here takes entries from a merge key ('<<'), which the editor does not follow",
        "merge-key-tag.yaml  | :5: refused: the mapping here takes entries from a merge key ('<<'), which the editor does not follow",
        "merge-key-root.yaml | :1: refused: the mapping here takes entries from a merge key ('<<'), which the editor does not follow",
    })
    void aTargetValueTheEditorMustNotRewriteIsRefusedAndWritesNothing(String name, String problem) throws Exception {
        byte[] bytes = corpus("edit/" + name);
        assertThat(failsInTime(() -> new KustomizeImagesUpdater(YamlLimits.DEFAULT).apply(OVERLAY, bytes, UPDATE)))
                .isInstanceOf(YamlEditException.class).hasMessageStartingWith(OVERLAY + problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("internal error").doesNotContain("\n"));
        Repository remote = seeded(Map.of(OVERLAY, bytes));
        assertRefusedAndNothingWritten(remote, "dev", YamlEditException.class, OVERLAY, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "ghcr.io/acme/web:1.0\\u0007          | contains a control character at index 20",
        "ghcr.io/acme/web:1.0\\n              | contains whitespace at index 20",
        "ghcr.io/acme/web:1.0\\u001b[31m      | contains a control character at index 20",
        "ghcr.io/acme/web\\u0000:1.0          | contains a control character at index 16",
        "ghcr.io/acme/../web:1.0              | is not valid",
        "ghcr.io/acme/web:1.0 && rm -rf /     | contains whitespace at index 20",
        "ghcr.io/acme/web:$(id)               | is not valid",
        "ghcr.io/acme/web@sha256:xyz          | is not valid: digest",
        "'ghcr.io/acme/web:' + 200 x 'a'      | is not valid: tag",
        "200 x 'a/' + 'web'                   | is not valid: the name is 403 characters long; the limit is 255",
    })
    void imageReferencesWithControlCharactersShellAndTraversalAreRefused(String written, String problem) {
        String reference = unescape(written);
        assertThat(failsInTime(() -> ImageReference.parse(reference)))
                .isInstanceOf(InvalidImageReferenceException.class).hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://ghp_0123456789abcdefABCDEF0123456789abcd@git.example.com/config.git | a user part that is not a plain user name",
        "https://glpat-Zx8kP2qR7tW4yB1nM6vC@git.example.com/config.git              | a user part that is not a plain user name",
        "https://bot:pa/ss-Word9@git.example.com/config.git                         | names no host that can be read",
        "https://bot:pa ss@git.example.com/config.git                               | contains a password",
    })
    void aRepositoryUrlHoldingACredentialIsRefusedWithoutRepeatingIt(String url, String problem) {
        assertThat(failsInTime(() -> RepositoryLocation.parse(url))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ghp_").doesNotContain("glpat-")
                        .doesNotContain("pa/ss").doesNotContain("pa ss"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.0\\u0007",
        "1.0\\n",
        "1.0\\u001b[31m",
        "../../etc",
        "1.0 && rm -rf /",
    })
    void aTagWithControlCharactersOrShellIsRefusedBeforeAnythingIsFetched(String written) throws Exception {
        String tag = unescape(written);
        assertThat(refusedBeforeAnyFetch(request -> request.version(new VersionSource.Given(Optional.of(tag), Optional.empty()))))
                .isInstanceOf(InvalidImageReferenceException.class).hasMessageStartingWith("tag '");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "main\\u0007",
        "main\\n",
        "main..other",
        "../../etc/passwd",
        "main.lock",
        "-main",
        "main branch",
        "''",
    })
    void aBaseBranchNameThatIsNoBranchIsRefusedClearly(String written) throws Exception {
        String base = unescape(written);
        assertThat(refusedBeforeAnyFetch(request -> request.base(base)
                .version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the base branch '").hasMessageContaining("' is not a valid branch name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "build URL     | https://ci.example/7/\\nReviewed-by: boss",
        "source commit | 0a1b2c3\\n\\nSigned-off-by: boss",
        "source URL    | https://git.example/c/1\\u2028Approved: yes",
    })
    void provenanceThatWouldForgeTrailersIsRefusedBeforeAnythingIsFetched(String what, String written) throws Exception {
        String value = unescape(written);
        assertThat(refusedBeforeAnyFetch(request -> {
            request.version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty()));
            return switch (what) {
                case "build URL" -> request.buildUrl(value);
                case "source commit" -> request.sourceCommit(value);
                default -> request.sourceUrl(value);
            };
        })).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the " + what + " '")
                .hasMessageContaining("contains a control character at index")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f\\u2028]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jenkins.plugins.gitopspromotion.guard.DeployedSecretsTest#layouts")
    void aPlaintextSecretKustomizeWouldDeployIsRefusedHoweverItIsReached(String way, String kustomization,
            Map<String, String> files, String location) throws Exception {
        Map<String, byte[]> seed = new java.util.LinkedHashMap<>();
        seed.put(OVERLAY, kustomization.getBytes(StandardCharsets.UTF_8));
        files.forEach((path, content) -> seed.put(path, content.getBytes(StandardCharsets.UTF_8)));
        Repository remote = seeded(seed);
        ObjectId before = BareRepos.head(remote, "main");

        PromotionResult result = engine().promote(request(remote, "dev")
                .version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty())).build());

        assertThat(result.status()).as(way).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(result.reason()).contains(location + " plaintext-secret").doesNotContain("hunter2");
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
        assertThat(remote.getRefDatabase().getRefsByPrefix("refs/heads/")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{\"app\":\"web\",\"env\":\"staging\",\"env\":\"dev\"}             | the request body has a key twice",
        "{\"app\":\"web\",\"env\":\"dev\",\"extra\":{\"to\":1,\"to\":2}}   | the request body has a key twice",
        "{\"app\":\"web\",\"env\":\"dev\"                              | the request body is not JSON",
    })
    void aViewRequestBodyThatCouldBeReadTwoWaysIsRefusedAndWritesNothing(String body, String problem) throws Exception {
        Repository remote = seeded(Map.of());
        ObjectId before = BareRepos.head(remote, "main");
        ViewApi api = new ViewApi(PromotionView.of(engine(), new RepositoryAccess(server.url(remote.getDirectory().getName())
                .toString(), null, AccessCredentials.password("ci", "pw-123456".toCharArray()), "none", null, null), r -> r));

        ViewApi.Answer answer = api.promote(body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).contains(problem);
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
        assertThat(remote.getRefDatabase().getRefsByPrefix("refs/heads/")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gitops-promotion/dev", "gitops-promotion/dev/web/old"})
    void aBranchInTheWayOfThePromotionBranchIsNamedAtOnceAndNothingIsWritten(String blocking) throws Exception {
        Repository remote = seeded(Map.of());
        BareRepos.commitFile(remote, blocking, "note.txt", "in the way\n", "A branch in the way");
        ObjectId before = BareRepos.head(remote, "main");

        assertThat(failsInTime(() -> engine().promote(request(remote, "dev").mode(PromotionMode.BRANCH)
                .version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty())).build())))
                .isInstanceOf(PromotionException.class)
                .hasMessageContaining("the branch " + blocking + " on ").hasMessageContaining(" blocks gitops-promotion/dev/web");
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
        assertThat(BareRepos.head(remote, "gitops-promotion/dev/web")).isNull();
    }

    @Test
    void anOldTagThatWouldForgeTrailersIsQuotedInTheCommit() throws Exception {
        Repository remote = seeded(Map.of(OVERLAY, ("images:\n- name: ghcr.io/acme/web\n"
                + "  newTag: \"1.0\\n\\nReviewed-by: Release Manager <boss@example.com>\"\n").getBytes(StandardCharsets.UTF_8)));

        PromotionResult result = engine().promote(request(remote, "dev")
                .version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty())).build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        RevCommit commit = BareRepos.log(remote, "main").get(0);
        assertThat(commit.getShortMessage()).isEqualTo("Promote web '1.0\\n\\nReviewed-by: Release Manager"
                + " <boss@example.com>' → 2.0.0 to dev");
        assertThat(commit.getFooterLines()).extracting(f -> f.getKey()).containsExactly("Promoted-Image");
    }

    /**
     * Runs a promotion of web into dev, shaped by {@code shape}, that must be refused before the engine even
     * fetches: the server sees no request and its branches stay as they were.
     *
     * @return the failure
     */
    private static Throwable refusedBeforeAnyFetch(UnaryOperator<PromotionRequest.Builder> shape) throws IOException {
        Repository remote = seeded(Map.of());
        ObjectId before = BareRepos.head(remote, "main");
        int requests = server.requestCount();

        Throwable failure = failsInTime(() -> engine().promote(shape.apply(request(remote, "dev")).build()));

        assertThat(server.requestCount()).as("nothing fetched").isEqualTo(requests);
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
        assertThat(remote.getRefDatabase().getRefsByPrefix("refs/heads/")).hasSize(1);
        return failure;
    }

    @Test
    void filesWhoseNamesAreNotUtf8SurviveAPromotionBesideThem() throws Exception {
        Repository remote = seeded(Map.of());
        byte[] first = {(byte) 0xFF, '.', 'y', 'a', 'm', 'l'};
        byte[] second = {(byte) 0xFE, '.', 'y', 'a', 'm', 'l'};
        try (ObjectInserter inserter = remote.newObjectInserter(); ObjectReader reader = remote.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit tip = walk.parseCommit(BareRepos.head(remote, "main"));
            TreeFormatter folder = new TreeFormatter();
            folder.append("kustomization.yaml".getBytes(StandardCharsets.UTF_8), FileMode.REGULAR_FILE,
                    inserter.insert(Constants.OBJ_BLOB, BareRepos.readBytes(remote, "main", OVERLAY)));
            folder.append(second, FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, new byte[] {'2'}));
            folder.append(first, FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, new byte[] {'1'}));
            commit(remote, inserter, tip, replaceFolder(reader, inserter, tip.getTree(), "apps/web/dev", inserter.insert(folder)),
                    "Files whose names are Latin-1");
        }

        PromotionResult result = engine().promote(request(remote, "dev")
                .version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty())).build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        try (RevWalk walk = new RevWalk(remote); TreeWalk folder = TreeWalk.forPath(remote, "apps/web/dev",
                walk.parseCommit(BareRepos.head(remote, "main")).getTree())) {
            List<String> names = new ArrayList<>();
            try (TreeWalk inside = new TreeWalk(remote)) {
                inside.addTree(folder.getObjectId(0));
                while (inside.next()) {
                    names.add(HexFormat.of().formatHex(inside.getRawPath()));
                }
            }
            assertThat(names).as("both Latin-1 names kept").containsExactly(
                    HexFormat.of().formatHex("kustomization.yaml".getBytes(StandardCharsets.UTF_8)), "fe2e79616d6c", "ff2e79616d6c");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "symbolic link | 120000 | is a symbolic link",
        "submodule     | 160000 | is a submodule",
        "folder        | 40000  | is a folder",
    })
    void aConfigPathThatIsNoRegularFileIsRefusedAndWritesNothing(String kind, String mode, String problem) throws Exception {
        Repository remote = seeded(Map.of());
        try (ObjectInserter inserter = remote.newObjectInserter(); ObjectReader reader = remote.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit tip = walk.parseCommit(BareRepos.head(remote, "main"));
            ObjectId target = switch (mode) {
                case "120000" -> inserter.insert(Constants.OBJ_BLOB, "../elsewhere.yaml".getBytes(StandardCharsets.UTF_8));
                case "160000" -> tip;
                default -> {
                    TreeFormatter inside = new TreeFormatter();
                    inside.append("promotion.yaml", FileMode.REGULAR_FILE,
                            inserter.insert(Constants.OBJ_BLOB, ConfigRepositoryFixture.CONFIG.getBytes(StandardCharsets.UTF_8)));
                    yield inserter.insert(inside);
                }
            };
            TreeFormatter folder = new TreeFormatter();
            folder.append("promotion.yaml".getBytes(StandardCharsets.UTF_8), FileMode.fromBits(Integer.parseInt(mode, 8)), target);
            commit(remote, inserter, tip, replaceFolder(reader, inserter, tip.getTree(), ".gitops", inserter.insert(folder)),
                    "The config is a " + kind);
        }

        assertRefusedAndNothingWritten(remote, "dev", ConfigException.class, ConfigLoader.CONFIG_PATH,
                ConfigLoader.CONFIG_PATH + ": " + problem + " in commit ");
    }

    /** Moves main to a commit of {@code tree} on top of {@code parent}. */
    private static void commit(Repository remote, ObjectInserter inserter, RevCommit parent, ObjectId tree, String message)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(parent);
        commit.setAuthor(BareRepos.OTHER_BUILD);
        commit.setCommitter(BareRepos.OTHER_BUILD);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        RefUpdate update = remote.updateRef("refs/heads/main");
        update.setNewObjectId(id);
        assertThat(update.update()).isEqualTo(RefUpdate.Result.FAST_FORWARD);
    }

    /** {@code tree} with the folder at {@code path} replaced by {@code folder}, every other entry untouched. */
    private static ObjectId replaceFolder(ObjectReader reader, ObjectInserter inserter, ObjectId tree, String path,
            ObjectId folder) throws IOException {
        int slash = path.indexOf('/');
        String name = slash < 0 ? path : path.substring(0, slash);
        TreeFormatter out = new TreeFormatter();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            while (walk.next()) {
                ObjectId id = walk.getObjectId(0);
                if (walk.getNameString().equals(name)) {
                    id = slash < 0 ? folder : replaceFolder(reader, inserter, id, path.substring(slash + 1), folder);
                }
                out.append(walk.getRawPath(), walk.getFileMode(0), id);
            }
        }
        return inserter.insert(out);
    }

    @Test
    void aTwoMebibyteLineBesideTheTargetCostsThePromotionAndTheAuditAlmostNothing() throws Exception {
        Repository remote = seeded(Map.of("apps/web/dev/notes.yaml",
                ("# " + "x".repeat(2 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();

        PromotionResult result = engine().promote(request(remote, "dev")
                .version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty())).build());
        AuditReport audit = engine().readBase(RepositoryLocation.parse(server.url(remote.getDirectory().getName()).toString()),
                GitAuth.password("ci", "pw-123456".toCharArray()), "main",
                (tree, commit) -> ConfigAudit.audit(tree, Optional.empty(), YamlLimits.DEFAULT));

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(audit.notes()).noneMatch(n -> n.startsWith("apps/web/dev/notes.yaml"));
        assertThat(Duration.ofNanos(threads.getCurrentThreadCpuTime() - start)).as("a promotion and an audit")
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theCorpusIsWhatItClaimsToBe() throws IOException {
        // Guards the corpus against an editor or checkout that "repairs" it.
        assertThat(new String(corpus("invalid-utf8.yaml"), StandardCharsets.ISO_8859_1)).contains("\u00c3(");
        assertThat(corpus("nul-byte.yaml")).contains((byte) 0);
        assertThat(corpus("utf16.yaml")).startsWith((byte) 0xFF, (byte) 0xFE);
        assertThat(new String(corpus("control-characters.yaml"), StandardCharsets.UTF_8)).contains("\u001b");
        assertThat(corpus("deep-nesting.yaml").length).isGreaterThan(10_000);
        assertThat(fiftyMegabytes().length).isEqualTo(50 * 1024 * 1024);
    }

    /** {@code \\uXXXX}, {@code \\n} and the {@code N x 'text'} repetitions of the tables above. */
    private static String unescape(String written) {
        String text = written.replace("\\n", "\n");
        StringBuilder out = new StringBuilder();
        for (String part : text.split(" \\+ ")) {
            java.util.regex.Matcher repeat = java.util.regex.Pattern.compile("(\\d+) x '(.*)'").matcher(part);
            out.append(repeat.matches() ? repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))
                    : part.startsWith("'") && part.endsWith("'") ? part.substring(1, part.length() - 1) : part);
        }
        java.util.regex.Matcher unicode = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (unicode.find()) {
            unicode.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(unicode.group(1), 16))));
        }
        unicode.appendTail(result);
        return result.toString();
    }

    /** A new served repository: the fixture's config repository with {@code files} replaced. */
    private static Repository seeded(Map<String, byte[]> files) throws IOException {
        Repository remote = server.createRepository("config-" + REPOSITORIES.incrementAndGet());
        ConfigRepositoryFixture.seed(remote);
        if (!files.isEmpty()) {
            BareRepos.seed(remote, "main", files, "Bad input");
        }
        return remote;
    }

    private static PromotionEngine engine() {
        return TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30));
    }

    private static PromotionRequest.Builder request(Repository remote, String env) {
        String name = remote.getDirectory().getName();
        return PromotionRequest.builder(RepositoryLocation.parse(server.url(name).toString()), env).app("web")
                .auth(GitAuth.password("ci", "pw-123456".toCharArray()));
    }

    private static void assertRefusedAndNothingWritten(Repository remote, String env, Class<? extends Throwable> type,
            String file, String problem) throws IOException {
        ObjectId before = BareRepos.head(remote, "main");
        Throwable failure = failsInTime(() -> engine().promote(request(remote, env)
                .version(new VersionSource.Given(Optional.of("2.0.0"), Optional.empty())).build()));
        assertThat(failure).isInstanceOf(type).hasMessageContaining(file).hasMessageContaining(problem);
        assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
        assertThat(remote.getRefDatabase().getRefsByPrefix("refs/heads/")).as("no branch pushed").hasSize(1);
        assertThat(Arrays.asList(failure.getMessage().split("\n"))).as("one clear message, not a dump").hasSizeLessThan(20);
    }
}
