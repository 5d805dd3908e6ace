package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import hudson.model.Action;
import hudson.model.Describable;
import hudson.model.RootAction;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything Jenkins stores of the plugin survives a save and a load with the XStream Jenkins runs
 * ({@link JenkinsXStream}): the actions a build keeps in {@code build.xml}, the builders and steps in a job's
 * {@code config.xml}, the global configuration in its own file. The stored classes are found by walking the
 * plugin's classes, so a new one is checked without being listed here.
 */
class PersistenceTest {

    /** Plugin classes Jenkins never writes to disk, and why. */
    private static final Map<Class<?>, String> NOT_STORED = Map.of(
            GitOpsPromotionsRootAction.class, "a root action: an @Extension singleton made at start-up",
            JobPromotionsAction.class, "made afresh for each request by JobPromotionsActionFactory",
            BuildPromotionAction.class, "made afresh for each request by BuildPromotionActionFactory");

    private final JenkinsXStream xstream = new JenkinsXStream();

    /** The classes Jenkins stores: describable ones (forms, JCasC) and actions kept with a build. */
    static Stream<Class<?>> stored() {
        return PluginClasses.concrete().stream()
                .filter(c -> Describable.class.isAssignableFrom(c) || Action.class.isAssignableFrom(c))
                .filter(c -> !NOT_STORED.containsKey(c));
    }

    @Test
    void theWalkFindsTheStoredClasses() {
        assertThat(stored().toList()).contains(PromoteStep.class, RollbackStep.class, PromotionStatusStep.class,
                CheckBoundaryStep.class, BuildImageStep.class, PromoteBuilder.class, BuildImageBuilder.class,
                ConfigRepository.class, GitOpsPromotionConfiguration.class, PromotionsAction.class, BuiltImageAction.class,
                BuildApprovalsAction.class, EnvironmentRule.class);
        assertThat(NOT_STORED.keySet()).allSatisfy(c -> assertThat(RootAction.class.isAssignableFrom(c)
                || c == JobPromotionsAction.class || c == BuildPromotionAction.class).isTrue());
    }

    @ParameterizedTest
    @MethodSource("stored")
    void everyFieldSurvivesASaveAndALoad(Class<?> type) {
        Object written = SampleObjects.make(type);
        String xml = xstream.write(written);

        Object read = xstream.read(xml);

        assertThat(ObjectState.differences(written, read)).as("%s after a round trip through%n%s", type.getSimpleName(), xml)
                .isEmpty();
    }

    @Test
    void theGlobalConfigurationLoadsIntoTheInstanceJenkinsMade() {
        GitOpsPromotionConfiguration saved = (GitOpsPromotionConfiguration) SampleObjects.make(GitOpsPromotionConfiguration.class);
        GitOpsPromotionConfiguration loaded = new GitOpsPromotionConfiguration();

        assertThat(xstream.readInto(xstream.write(saved), loaded)).isSameAs(loaded);

        assertThat(ObjectState.differences(saved, loaded)).isEmpty();
    }

    @Test
    void aBuildsPromotionsAreReadBackWithTheirValues() {
        PromotionsAction action = (PromotionsAction) xstream.read(xstream.write(SampleObjects.make(PromotionsAction.class)));

        List<PromotionRecord> promotions = action.getPromotions();
        assertThat(promotions).extracting(PromotionRecord::getStatus, PromotionRecord::getEnv, PromotionRecord::getVersion,
                PromotionRecord::getPullRequestUrl)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("promoted", "dev", "1.5.0@" + SampleObjects.DIGEST,
                                "https://git.example.com/acme/config/pull/17"),
                        org.assertj.core.groups.Tuple.tuple("refused", "prod", "1.5.0@" + SampleObjects.DIGEST,
                                "https://git.example.com/acme/config/pull/17"));
        assertThat(promotions).extracting(PromotionRecord::getPromotedBy).containsExactly("Sam Roe (sam)", "Jane Doe (jane)");
        assertThatCode(() -> action.onLoad(null)).doesNotThrowAnyException();
    }
}
