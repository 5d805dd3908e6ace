package io.jenkins.plugins.gitopspromotion.pr;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.PrunedBranch;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A promotion pull request's life against a real Git server on loopback (JGit's GitServlet on Jetty) and a provider's
 * API on WireMock: web goes to dev by commit and to staging by pull request, and someone may put a version into staging
 * on main by another path. The provider's answers are the test's to stub.
 */
public final class PromotionLife implements AutoCloseable {

    /** The promotion branch of web in staging. */
    public static final String BRANCH = "gitops-promotion/staging/web";

    /**
     * A description the tool wrote on Bitbucket, as a JSON string's content: without the machine-readable block (Bitbucket
     * shows HTML comments as text), its last sentence says it is ours.
     */
    public static final String OUR_BITBUCKET_DESCRIPTION = "Promotes **web**\\n\\nOpened by gitops-promotion; a newer promotion"
            + " of web to staging updates this pull request.";

    /** A description the tool wrote where HTML comments are hidden, as a JSON string's content: with the block. */
    public static final String OUR_DESCRIPTION = OUR_BITBUCKET_DESCRIPTION
            + "\\n\\n<!-- gitops-promotion:v1 {\\\"app\\\":\\\"web\\\",\\\"env\\\":\\\"staging\\\"} -->";

    private static final String STAGING = "apps/web/staging/kustomization.yaml";

    private final GitHttpServer git;
    private final Repository remote;
    private final RepositoryLocation location;
    private final PromotionEngine engine;
    private final ProviderSettings settings;

    private PromotionLife(GitHttpServer git, Repository remote, PromotionEngine engine, ProviderSettings settings) {
        this.git = git;
        this.remote = remote;
        this.location = RepositoryLocation.parse(git.url("config").toString());
        this.engine = engine;
        this.settings = settings;
    }

    /** Starts the Git server with a seeded config repository, and an engine whose providers answer from {@code support}. */
    public static PromotionLife start(Path temp, ProviderTestSupport support, ProviderKind kind, String apiPath, String project)
            throws Exception {
        GitHttpServer git = GitHttpServer.start(temp.resolve("git"), "ci", "git-password");
        Repository remote = git.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        return new PromotionLife(git, remote, support.engine(temp.resolve("cache")), support.settings(kind, apiPath, project));
    }

    /** The config repository on the server. */
    public Repository remote() {
        return remote;
    }

    /** The Git server. */
    public GitHttpServer git() {
        return git;
    }

    /** A request to promote web into {@code env}, naming the provider. */
    public PromotionRequest.Builder request(String env) {
        return requestFor(env).app("web");
    }

    /** A request to promote into {@code env}, naming the provider, for the caller to say what. */
    public PromotionRequest.Builder requestFor(String env) {
        return PromotionRequest.builder(location, env).auth(auth()).pullRequests(settings);
    }

    /** Puts {@code tag} into dev (commit mode). */
    public PromotionResult toDev(String tag) throws Exception {
        return engine.promote(request("dev").version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
    }

    /** Promotes staging from dev: a pull request. */
    public PromotionResult toStaging(boolean reopen) throws Exception {
        return engine.promote(request("staging").version(new VersionSource.FromEnvironment("dev")).reopen(reopen).build());
    }

    /** Someone puts {@code tag} into staging on main by another path than the pull request. */
    public RevCommit byHandInStaging(String tag) throws Exception {
        return BareRepos.commitFile(remote, "main", STAGING, "# web in staging\nresources:\n- ../base\nimages:\n"
                + "- name: ghcr.io/acme/web\n  newTag: \"" + tag + "\"   # keep\n", "Hotfix: web " + tag + " in staging by hand");
    }

    /** Where the staging promotion branch is on the server, or null when it is gone. */
    public ObjectId branch() throws Exception {
        return BareRepos.head(remote, BRANCH);
    }

    /**
     * web 1.1.0 proposed to staging (the provider's stubs open its pull request), the same version put on main by hand,
     * then staging promoted again: the second promotion finds the pull request moot.
     */
    public Moot landByHand() throws Exception {
        toDev("1.1.0");
        PromotionResult proposed = toStaging(false);
        RevCommit byHand = byHandInStaging("1.1.0");
        PromotionResult again = toStaging(false);
        return new Moot(proposed, byHand, again, branch());
    }

    /**
     * What {@link #landByHand} gave.
     *
     * @param proposed the first promotion to staging
     * @param byHand the commit that put the version on main by hand
     * @param again the second promotion to staging
     * @param branchAfter where the promotion branch is on the server afterwards, or null
     */
    public record Moot(PromotionResult proposed, RevCommit byHand, PromotionResult again, ObjectId branchAfter) {

        /** Asserts that the second promotion closed the pull request {@code label}, said why, and deleted its branch. */
        public void assertClosed(String label) {
            assertThat(proposed.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(again.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
            assertThat(again.reason()).isEqualTo("staging already has web 1.1.0");
            assertThat(again.warnings()).containsExactly(closedLine(label, byHand, "1.1.0"));
            assertThat(branchAfter).as("the moot branch is deleted").isNull();
        }
    }

    /**
     * web 1.1.0 proposed to staging (the provider's stubs open its pull request, and list none open afterwards); then the
     * provider answers that a person closed it at the branch's tip ({@code closedAt} stubs that, given the tip), and the
     * same version is promoted again, then again with {@code reopen}.
     */
    public Declined declineThenReopen(Consumer<String> closedAt) throws Exception {
        toDev("1.1.0");
        toStaging(false);
        String head = branch().name();
        closedAt.accept(head);
        PromotionResult again = toStaging(false);
        ObjectId afterRefusal = branch();
        return new Declined(head, again, afterRefusal, toStaging(true));
    }

    /**
     * What {@link #declineThenReopen} gave.
     *
     * @param head where the branch was when its pull request was closed
     * @param again the promotion of the same version without {@code reopen}
     * @param afterRefusal where the branch is after it
     * @param reopened the promotion with {@code reopen}
     */
    public record Declined(String head, PromotionResult again, ObjectId afterRefusal, PromotionResult reopened) {

        /** Asserts that the closing was respected, naming pull request 12 at {@code url}, until reopened. */
        public void assertRespectedUntilReopened(String url) {
            assertThat(again.status()).isEqualTo(PromotionResult.Status.REFUSED);
            assertThat(again.reason()).isEqualTo("pull request #12 (" + url + ") proposing web 1.1.0 for staging was closed"
                    + " without merging, so it is not proposed again; promote a newer version, or reopen it (--reopen) to"
                    + " propose this one again");
            assertThat(afterRefusal.name()).as("the branch stays as the person left it").isEqualTo(head);
            assertThat(reopened.status()).isIn(PromotionResult.Status.PROMOTED, PromotionResult.Status.UNCHANGED);
            assertThat(reopened.pullRequest()).as("reopened: proposed in a pull request again").isNotNull();
        }
    }

    /** {@code gitops-promotion prune} with the provider given, or none. */
    public List<PrunedBranch> prune(Optional<PullRequestProvider> provider, boolean dryRun) throws Exception {
        return engine.prune(location, auth(), "main", provider, dryRun);
    }

    /** The engine. */
    public PromotionEngine engine() {
        return engine;
    }

    /** The line a promotion or a prune gives for the pull request {@code label} closed because {@code byHand} landed. */
    public static String closedLine(String label, RevCommit byHand, String tag) {
        return "closed " + label + " " + BRANCH + ": main has web `" + tag + "` since " + byHand.name() + " (`Hotfix: web " + tag
                + " in staging by hand`)";
    }

    private static GitAuth auth() {
        return GitAuth.password("ci", "git-password".toCharArray());
    }

    @Override
    public void close() throws Exception {
        git.close();
    }
}
