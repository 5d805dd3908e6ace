package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.ExtensionList;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.Permission;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
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
        models.put("JobPromotionsAction", List.of(this::jobPromotions));
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
        return new JobPromotionsAction(job);
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
