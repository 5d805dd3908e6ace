package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import hudson.ExtensionList;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.Permission;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import io.jenkins.plugins.gitopspromotion.pr.RequiredChecks;
import io.jenkins.plugins.gitopspromotion.standing.AppStanding;
import io.jenkins.plugins.gitopspromotion.standing.BuildMatrix;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Presence;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Verdict;
import io.jenkins.plugins.gitopspromotion.view.CommitInfo;
import io.jenkins.plugins.gitopspromotion.view.ViewCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;

/**
 * Every {@code ${…}} of every Jelly view of the plugin, evaluated as Jelly evaluates it (commons-jexl 1.1, through
 * {@link JellyWalker}) against filled-in model objects: each must be reached by some model, give a value, and give
 * what the Java getters give. The views are found by walking the plugin's resources, so a new view or expression is
 * checked without being listed here; a view whose expressions no model below reaches fails the test.
 */
class JellyViewsTest {

    private static final Path VIEWS = Path.of("../plugin/src/main/resources");

    private MockedStatic<Jenkins> jenkins;
    private MockedStatic<ExtensionList> extensions;
    private final GitOpsPromotionConfiguration configuration = (GitOpsPromotionConfiguration) SampleObjects.make(
            GitOpsPromotionConfiguration.class);

    @TempDir
    Path serviceAccount;
    private String previousServiceAccountDir;

    @BeforeEach
    void jenkins() throws Exception {
        // The controller holds a service account token (as in Kubernetes): the configuration page lists it.
        Files.writeString(serviceAccount.resolve("token"), "eyJhbGciOi.token.for-the-kubernetes-plugin");
        previousServiceAccountDir = System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, serviceAccount.toString());
        Jenkins instance = mock(Jenkins.class);
        when(instance.hasPermission(any(Permission.class))).thenReturn(true);
        jenkins = mockStatic(Jenkins.class);
        jenkins.when(Jenkins::get).thenReturn(instance);
        extensions = mockStatic(ExtensionList.class);
    }

    private void use(GitOpsPromotionConfiguration registered) {
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class)).thenReturn(registered);
    }

    @AfterEach
    void close() {
        if (previousServiceAccountDir == null) {
            System.clearProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
        } else {
            System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, previousServiceAccountDir);
        }
        extensions.close();
        jenkins.close();
    }

    /** The models each view is shown with: the class whose folder holds the view, in the states that matter. */
    private Map<String, List<Supplier<Object>>> models() {
        Map<String, List<Supplier<Object>>> models = new LinkedHashMap<>();
        models.put("PromotionsAction", List.of(this::buildPromotions));
        models.put("JobPromotionsAction", List.of(this::jobPromotions, () -> withoutView(jobPromotions())));
        models.put("BuildPromotionAction", List.of(this::buildPage, () -> withoutView(buildPage())));
        models.put("GitOpsPromotionsRootAction", List.of(GitOpsPromotionsRootAction::new, this::rootActionWithoutRepositories));
        models.put("RepositoryPage", List.of(() -> new RepositoryPage(configuration.getRepositories().get(0).getId())));
        models.put("GitOpsPromotionConfiguration", List.of(() -> configuration));
        return models;
    }

    /** A build that promoted into a registered repository, was refused, and promoted into an unregistered one. */
    private PromotionsAction buildPromotions() {
        Run<?, ?> run = Builds.build(Builds.job("acme » web"), 7);
        PromotionsAction action = new PromotionsAction();
        action.onAttached(run);
        try {
            action.add(PromotionRecord.of(configuration.getRepositories().get(0).getUrl(), SampleObjects.result("promoted", "dev", "")));
            action.add(PromotionRecord.of(configuration.getRepositories().get(0).getUrl(),
                    SampleObjects.result("refused", "prod", "staging has not run it")));
            action.add(PromotionRecord.of("https://git.example.com/other/unregistered.git", SampleObjects.result("promoted", "qa", "")));
            action.add(PromotionRecord.of(configuration.getRepositories().get(0).getUrl(), SampleObjects.result("promoted", "staging", ""),
                    "Jane Doe (jane)"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return action;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private JobPromotionsAction jobPromotions() {
        Job job = mock(Job.class);
        when(job.getFullDisplayName()).thenReturn("acme » web");
        PromotionsAction promotions = buildPromotions();
        Run run = mock(Run.class);
        when(run.getAction(PromotionsAction.class)).thenReturn(promotions);
        when(job.getLastBuild()).thenReturn(run);
        JobPromotionsAction page = spy(new JobPromotionsAction(job));
        CommitInfo setBy = new CommitInfo("0123456789abcdef0123456789abcdef01234567", "Jane Doe", "2026-12-01T10:00:00Z",
                "Promote web 1.5.0 to dev", null, null, null, null);
        ViewCell.Pending pending = new ViewCell.Pending("gitops-promotion/staging/web", "1.5.0", null, "1.5.0", null, null, null);
        RepositoryLocation location = RepositoryLocation.parse("https://github.com/acme/config.git");
        JobMatrixView.Row row = new JobMatrixView.Row(7, "job/web/7/", "registry.example.com/acme/web:1.5.0", List.of(
                JobMatrixView.Cell.of(new BuildMatrix.Mark(BuildMatrix.Place.NOW, setBy, null), location),
                JobMatrixView.Cell.of(new BuildMatrix.Mark(BuildMatrix.Place.WAS, null, null), location),
                JobMatrixView.Cell.of(new BuildMatrix.Mark(BuildMatrix.Place.PENDING, null, pending), location),
                JobMatrixView.Cell.of(new BuildMatrix.Mark(BuildMatrix.Place.NEVER, null, null), location)));
        doReturn(List.of(new JobMatrixView.Table("platform-config", "web", List.of("dev", "qa", "staging", "prod"), List.of(row), null),
                JobMatrixView.Table.failed("other", "the repository other cannot be reached"))).when(page).getMatrices();
        return page;
    }

    /**
     * A build's page: an image that stands in one repository (here, pending with a pull request and a button,
     * refused) and could not be read in another, and an image no app uses. The standing itself is the engine's and
     * {@code BuildPageTest} checks it against a real repository; here only the view's expressions are.
     */
    private BuildPromotionAction buildPage() {
        PromotionsAction promotions = buildPromotions();
        Run<?, ?> run = promotions.getRun();
        run.addAction(promotions);
        BuiltImageAction web = (BuiltImageAction) SampleObjects.make(BuiltImageAction.class);
        ViewCell.Pending pending = new ViewCell.Pending("gitops-promotion/staging/web", "1.5.0", SampleObjects.DIGEST, "1.5.0", null,
                new ViewCell.PullRequestLink("https://git.example.com/acme/config/pull/17", 17),
                List.of(new RequiredChecks.Check("ci/build", "success"), new RequiredChecks.Check("lint", "pending")));
        BuildStandingView.App app = new BuildStandingView.App(new AppStanding("web", List.of()), List.of(
                new BuildStandingView.Environment(new EnvironmentStanding("dev", "1.5.0@" + SampleObjects.DIGEST, Presence.HERE, null,
                        Verdict.THERE, null), null, null),
                new BuildStandingView.Environment(new EnvironmentStanding("staging", "1.4.0", Presence.PENDING, pending, Verdict.PROPOSED,
                        null), Messages.BuildPromotionAction_Approve("staging"), new BuildStandingView.Approvals(2, List.of("carol"),
                        List.of("dave", "carol"))),
                new BuildStandingView.Environment(new EnvironmentStanding("prod", "1.4.0", Presence.ABSENT, null, Verdict.REFUSED,
                        "prod requires staging to have web 1.5.0"), null, null)));
        List<BuildStandingView.Image> images = List.of(
                new BuildStandingView.Image(0, web, List.of(new BuildStandingView.Repository("platform-config", null, List.of(app)),
                        new BuildStandingView.Repository("other", "the repository other cannot be reached", List.of()))),
                new BuildStandingView.Image(1, new BuiltImageAction("registry.example.com/acme/tool", List.of("2.0.0"), null, null, null),
                        List.of()));
        BuildPromotionAction page = spy(new BuildPromotionAction(run));
        doReturn(images).when(page).getImages();
        return page;
    }

    /** The same page for a user who may not view the repositories. */
    private static <T> T withoutView(T page) {
        if (page instanceof BuildPromotionAction build) {
            doReturn(false).when(build).isCanView();
        } else if (page instanceof JobPromotionsAction job) {
            doReturn(false).when(job).isCanView();
        }
        return page;
    }

    private GitOpsPromotionsRootAction rootActionWithoutRepositories() {
        use(new GitOpsPromotionConfiguration());
        return new GitOpsPromotionsRootAction();
    }

    @Test
    void everyExpressionOfEveryViewGivesTheValueItMeans() throws Exception {
        List<Path> views;
        try (Stream<Path> files = Files.walk(VIEWS)) {
            views = files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
        assertThat(views).hasSizeGreaterThanOrEqualTo(15);
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            List<String> expressions = JellyWalker.expressions(view);
            if (expressions.isEmpty()) {
                continue;
            }
            String owner = view.getParent().getFileName().toString();
            List<Supplier<Object>> states = models().get(owner);
            if (states == null) {
                problems.add(view + " has expressions but no model here to show it with: add one to models()");
                continue;
            }
            JellyWalker walker = new JellyWalker();
            for (Supplier<Object> state : states) {
                use(configuration);
                Map<String, Object> variables = JellyWalker.jenkinsVariables();
                Object model = state.get();
                variables.put("it", model);
                variables.put("instance", model); // a form's object; a global configuration is its own descriptor
                walker.walk(view, variables);
            }
            problems.addAll(walker.problems());
            Set<String> reached = new LinkedHashSet<>();
            walker.evaluations().forEach(e -> reached.add(e.expression()));
            for (String expression : expressions) {
                if (!reached.contains(expression)) {
                    problems.add(view + ": ${" + expression + "} is reached by none of its models: add a state that shows it");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aRecordWouldShowNothing() throws Exception {
        // The walker itself: record components are not properties in Jelly, so a view of one shows nothing.
        record Shown(String status) {
        }
        Path view = Files.createTempFile("view", ".jelly");
        try {
            Files.writeString(view, "<j:jelly xmlns:j=\"jelly:core\"><td>${it.status}</td></j:jelly>");
            JellyWalker walker = new JellyWalker();
            walker.walk(view, Map.of("it", new Shown("promoted")));
            assertThat(walker.problems()).singleElement().asString().contains("${it.status} is null");
        } finally {
            Files.delete(view);
        }
    }
}
