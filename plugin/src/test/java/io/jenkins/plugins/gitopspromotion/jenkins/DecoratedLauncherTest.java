package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Node;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * A builder program starts through the build's launcher as decorated by an enclosing step, the way
 * {@code container('buildah')} of the Kubernetes plugin decorates it, with the build's environment.
 */
@WithJenkins
class DecoratedLauncherTest {

    /** What went through the decorated launcher: the command line, then the environment it was given. */
    static final List<String> LAUNCHED = new CopyOnWriteArrayList<>();

    @TempDir
    Path temp;

    @Test
    void aBuilderProgramStartsThroughTheDecoratedLauncher(JenkinsRule j) throws Exception {
        RealParts.require(TestRegistry.installed(), "docker-registry");
        RealParts.require(Programs.installed("buildah"), "buildah");
        Path storage = temp.resolve("storage");
        Path conf = Files.writeString(temp.resolve("storage.conf"), "[storage]\ndriver = \"vfs\"\ngraphroot = \""
                + storage.resolve("root").toString().replace("\\", "/") + "\"\nrunroot = \"" + storage.resolve("run").toString().replace("\\", "/")
                + "\"\n");
        try (TestRegistry registry = TestRegistry.plain(temp.resolve("registry"))) {
            WorkflowJob job = j.createProject(WorkflowJob.class, "decorated");
            job.setDefinition(new CpsFlowDefinition("""
                    node {
                      writeFile file: 'app/hello.txt', text: 'hello'
                      writeFile file: 'app/Containerfile', text: 'FROM scratch\\nCOPY hello.txt /hello.txt\\n'
                      withEnv([%s, 'MARKER=from-withEnv']) {
                        recordLaunches {
                          def built = gitopsBuildImage image: '%s/acme/web', tags: '1.0.0', builder: 'buildah', context: 'app',
                              isolation: 'chroot', insecureRegistry: true
                          echo "digest=${built.digest}"
                        }
                      }
                    }
                    """.formatted(JenkinsTestSupport.groovy("CONTAINERS_STORAGE_CONF=" + conf), registry.host()), true));

            WorkflowRun run = j.buildAndAssertSuccess(job);

            j.assertLogContains("digest=" + registry.skopeoDigest("acme/web", "1.0.0"), run);
        }
        assertThat(LAUNCHED).hasSize(2).allSatisfy(launch -> assertThat(launch).startsWith("buildah ").contains("MARKER=from-withEnv")
                .contains("CONTAINERS_STORAGE_CONF=").contains("REGISTRY_AUTH_FILE=").doesNotContain("password"));
        assertThat(LAUNCHED.get(0)).contains(" build ");
        assertThat(LAUNCHED.get(1)).contains(" push ");
    }

    /** {@code recordLaunches { … }}: its body's launcher notes every program started through it. */
    public static final class RecordLaunchesStep extends Step {

        @DataBoundConstructor
        public RecordLaunchesStep() {
        }

        @Override
        public StepExecution start(StepContext context) {
            return new Execution(context);
        }

        private static final class Execution extends StepExecution {
            private static final long serialVersionUID = 1L;

            Execution(StepContext context) {
                super(context);
            }

            @Override
            public boolean start() throws Exception {
                getContext().newBodyInvoker()
                        .withContext(BodyInvoker.mergeLauncherDecorators(getContext().get(LauncherDecorator.class), new Recorder()))
                        .withCallback(BodyExecutionCallback.wrap(getContext())).start();
                return false;
            }
        }

        @TestExtension("aBuilderProgramStartsThroughTheDecoratedLauncher")
        public static final class DescriptorImpl extends StepDescriptor {

            @Override
            public Set<? extends Class<?>> getRequiredContext() {
                return Set.of();
            }

            @Override
            public String getFunctionName() {
                return "recordLaunches";
            }

            @Override
            public boolean takesImplicitBlockArgument() {
                return true;
            }
        }
    }

    private static final class Recorder extends LauncherDecorator implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Launcher decorate(Launcher launcher, Node node) {
            return new Launcher.DecoratedLauncher(launcher) {
                @Override
                public Proc launch(ProcStarter starter) throws IOException {
                    LAUNCHED.add(String.join(" ", starter.cmds()) + " | " + Arrays.toString(starter.envs()));
                    return super.launch(starter);
                }
            };
        }
    }
}
