package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitDaemon;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import io.jenkins.plugins.gitopspromotion.view.HistoryEntry;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mirror's first fetch of a branch takes its tip alone; history is fetched only where it is read, in bounded steps;
 * pushes from a shallow mirror land; a mirror made before shallow fetches stays whole. Against the real
 * {@code git daemon} and JGit's HTTP server ({@code GitServlet} on Jetty).
 */
class ShallowMirrorTest {

    private static final String OVERLAY = "apps/web/dev/kustomization.yaml";
    private static final String NOTES = "notes.txt";

    @TempDir
    Path temp;

    private AutoCloseable server;
    private Repository remote;
    private RepositoryLocation location;
    private GitAuth auth;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Serves a seeded config repository over {@code daemon} or {@code http}. */
    private void serve(String kind) throws Exception {
        if (kind.equals("daemon")) {
            RealParts.require(GitDaemon.gitInstalled(), "git (for git daemon)");
            GitDaemon daemon = GitDaemon.start(temp.resolve("served"));
            server = daemon;
            remote = daemon.createRepository("config");
            location = RepositoryLocation.parse(daemon.url("config").toString());
            auth = GitAuth.none();
        } else {
            GitHttpServer http = GitHttpServer.start(temp.resolve("served"), "ci", "s3cret-pass");
            server = http;
            remote = http.createRepository("config");
            location = RepositoryLocation.parse(http.url("config").toString());
            auth = GitAuth.password("ci", "s3cret-pass".toCharArray());
        }
        ConfigRepositoryFixture.seed(remote);
    }

    /** {@code count} commits on main that change only a notes file, each to a text of its own. */
    private RevCommit notes(String prefix, int count) throws Exception {
        RevCommit last = null;
        for (int i = 0; i < count; i++) {
            last = BareRepos.commitFile(remote, "main", NOTES, prefix + " " + i + "\n", prefix + " " + i);
        }
        return last;
    }

    /** Sets web's tag in dev directly on the server, as someone's earlier promotion did. */
    private RevCommit setDevTag(String tag) throws Exception {
        return BareRepos.commitFile(remote, "main", OVERLAY, overlay(tag), "web " + tag);
    }

    private static String overlay(String tag) {
        return "resources:\n- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"" + tag + "\"\n";
    }

    private static ObjectId blobOf(String text) {
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private PromotionEngine engine(String cache) {
        return TestEngines.cleanBoundary(new MirrorCache(temp.resolve(cache), 30));
    }

    private PromotionRequest.Builder request(String tag) {
        return PromotionRequest.builder(location, "dev").app("web").auth(auth)
                .version(new VersionSource.Given(Optional.of(tag), Optional.empty()));
    }

    private Mirror open(String cache, String... branches) throws Exception {
        return new MirrorCache(temp.resolve(cache), 30).open(location, auth, List.of(branches));
    }

    private static ShallowHistory.Depth readable(Mirror mirror) throws Exception {
        return ShallowHistory.readable(mirror.repository(), mirror.branch("main").orElseThrow(), Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "http"})
    void theFirstFetchTakesTheTipAloneAndThePushFromItLandsOnTheWholeHistory(String kind) throws Exception {
        serve(kind);
        RevCommit before = notes("note", 20);

        PromotionResult result = engine("cache").promote(request("1.1.0").build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        List<RevCommit> served = BareRepos.log(remote, "main");
        assertThat(served).hasSize(22);
        assertThat(served.get(0).getParents()).containsExactly(before);
        assertThat(BareRepos.readFile(remote, "main", OVERLAY)).contains("newTag: \"1.1.0\"");
        assertThat(BareRepos.isLinear(remote, "main")).isTrue();
        try (Mirror mirror = open("cache", "main")) {
            assertThat(readable(mirror)).as("the pushed commit on the tip fetched, where the mirror's history ends")
                    .isEqualTo(new ShallowHistory.Depth(2, true));
            assertThat(mirror.repository().getObjectDatabase().has(blobOf("note 18\n"))).as("older history not fetched")
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "http"})
    void aRollbackFetchesHistoryInBoundedStepsUntilThePreviousVersionAndNoFurther(String kind) throws Exception {
        serve(kind);
        notes("old", 300);
        setDevTag("1.5.0");
        notes("between", 150);
        setDevTag("2.0.0");
        notes("after", 10);

        PromotionResult result = engine("cache").promote(PromotionRequest.builder(location, "dev").app("web").auth(auth)
                .version(new VersionSource.Rollback(Optional.empty())).build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(result.tag()).isEqualTo("1.5.0");
        assertThat(BareRepos.readFile(remote, "main", OVERLAY)).contains("newTag: \"1.5.0\"");
        try (Mirror mirror = open("cache", "main")) {
            // dev had 1.5.0 100 commits below the tip already, with no change to it in between: the first step, 100
            // commits deep (then the rollback's own commit on top), told the previous version; not the whole 464.
            assertThat(readable(mirror)).isEqualTo(new ShallowHistory.Depth(101, true));
            assertThat(mirror.repository().getObjectDatabase().has(blobOf("old 0\n"))).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "http"})
    void aPromotionBranchFetchedShallowIsStillKnownToProposeTheSameChange(String kind) throws Exception {
        serve(kind);
        notes("note", 5);
        PromotionResult first = engine("cache-one").promote(request("1.1.0").mode(PromotionMode.BRANCH).build());

        PromotionResult again = engine("cache-two").promote(request("1.1.0").mode(PromotionMode.BRANCH).build());

        assertThat(first.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(again.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(again.reason()).contains("already proposes web 1.1.0");
        assertThat(again.commit()).isEqualTo(first.commit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "http"})
    void branchesFirstFetchedLaterComeShallowTooAndLeaveTheBaseBranchsHistoryAlone(String kind) throws Exception {
        serve(kind);
        RevCommit old = notes("old", 6);
        notes("new", 20);
        // A promotion branch made long ago, from a tip 20 commits back.
        RefUpdate branch = remote.updateRef("refs/heads/gitops-promotion/prod/web");
        branch.setNewObjectId(old);
        assertThat(branch.update()).isEqualTo(RefUpdate.Result.NEW);
        BareRepos.commitFile(remote, "gitops-promotion/prod/web", "apps/web/prod/kustomization.yaml", overlay("1.2.0"),
                "web 1.2.0 in prod");
        PromotionEngine engine = engine("cache");
        engine.promote(request("1.1.0").build()); // main and gitops-promotion/dev/*

        engine.status(location, auth, "main"); // now every promotion branch

        try (Mirror mirror = open("cache", "main")) {
            assertThat(mirror.branches("gitops-promotion/")).containsExactly("gitops-promotion/prod/web");
            assertThat(mirror.repository().getObjectDatabase().has(blobOf("old 4\n"))).as("the branch's history").isFalse();
            assertThat(readable(mirror)).isEqualTo(new ShallowHistory.Depth(2, true));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "http"})
    void readersDeepenAShallowMirrorOnlyAsFarAsTheyAsk(String kind) throws Exception {
        serve(kind);
        notes("note", 30);
        try (Mirror mirror = open("cache", "main")) {
            RevCommit tip = mirror.branch("main").orElseThrow();
            History history = mirror.history("main");

            history.reach(tip, 10);
            ShallowHistory.Depth ten = readable(mirror);
            boolean deepened = history.deepen(tip);
            ShallowHistory.Depth stepped = readable(mirror);
            boolean again = history.deepen(tip);

            assertThat(ten).isEqualTo(new ShallowHistory.Depth(10, true));
            assertThat(deepened).isTrue();
            assertThat(stepped.cut()).as("one step of at least " + ShallowHistory.FIRST_STEP + ": all of it").isFalse();
            assertThat(BareRepos.log(mirror.repository(), "main")).hasSize(31);
            assertThat(again).as("nothing more to fetch").isFalse();
            assertThat(mirror.branch("main")).contains(tip);
        }
    }

    @Test
    void aTipTheServerNoLongerHasIsReadAsFarAsTheMirrorHoldsItWithoutEndlessFetches() throws Exception {
        serve("http");
        notes("note", 10);
        try (Mirror mirror = open("cache", "main")) {
            RevCommit tip = mirror.branch("main").orElseThrow();
            // The branch rewritten on the server: the tip the reader walks from is no longer in its history.
            RefUpdate rewrite = remote.updateRef("refs/heads/main");
            rewrite.setNewObjectId(BareRepos.log(remote, "main").get(10));
            rewrite.setForceUpdate(true);
            assertThat(rewrite.forceUpdate()).isEqualTo(RefUpdate.Result.FORCED);
            notes("other", 3);

            boolean deepened = mirror.history("main").deepen(tip);

            assertThat(deepened).isFalse();
            assertThat(readable(mirror)).isEqualTo(new ShallowHistory.Depth(1, true));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "http"})
    void theViewFetchesItsHistoryWindowForSetByAndACellsHistoryForItsVersions(String kind) throws Exception {
        serve(kind);
        RevCommit seeded = BareRepos.log(remote, "main").get(0);
        notes("old", 80);
        RevCommit set = setDevTag("1.5.0");
        notes("new", 20);
        PromotionView view = new PromotionView(engine("cache"), location, auth, "main", Optional.empty(),
                env -> PromotionRequest.builder(location, env).auth(auth), 50, Clock.systemUTC());

        ViewState state = view.status();
        ShallowHistory.Depth window;
        try (Mirror mirror = open("cache", "main")) {
            window = readable(mirror);
        }
        List<HistoryEntry> history = view.history("web", "dev");

        assertThat(state.cell("web", "dev").setBy().id()).isEqualTo(set.name());
        assertThat(state.cell("api", "dev").setBy()).as("set before the window read").isNull();
        assertThat(window).as("the window and its oldest commit's parent").isEqualTo(new ShallowHistory.Depth(51, true));
        assertThat(history).extracting(HistoryEntry::tag).containsExactly("1.5.0", "1.0.0");
        assertThat(history).extracting(e -> e.setBy().id()).containsExactly(set.name(), seeded.name());
    }

    @Test
    void aMirrorMadeBeforeShallowFetchesStaysWholeAndKeepsWorking() throws Exception {
        serve("http");
        notes("note", 10);
        setDevTag("1.5.0");
        notes("more", 3);
        Path root = temp.resolve("cache");
        Path dir = root.resolve(location.cacheKey() + ".git");
        try (Git clone = Git.cloneRepository().setURI(location.uri().toString()).setBare(true).setDirectory(dir.toFile())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("ci", "s3cret-pass")).call()) {
            Files.writeString(dir.resolve(MirrorCache.COMPLETE_MARKER), "");
        }

        PromotionResult promoted = engine("cache").promote(request("2.0.0").build());
        BareRepos.commitFile(remote, "gitops-promotion/dev/api", "x.txt", "x\n", "a branch first seen later");
        PromotionResult rolledBack = engine("cache").promote(PromotionRequest.builder(location, "dev").app("web").auth(auth)
                .version(new VersionSource.Rollback(Optional.empty())).build());

        assertThat(promoted.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(rolledBack.tag()).isEqualTo("1.5.0");
        try (Mirror mirror = open("cache", "main")) {
            assertThat(mirror.repository().getObjectDatabase().getShallowCommits()).isEmpty();
            assertThat(readable(mirror).cut()).isFalse();
            assertThat(mirror.repository().getObjectDatabase().has(blobOf("note 0\n"))).isTrue();
        }
    }
}
