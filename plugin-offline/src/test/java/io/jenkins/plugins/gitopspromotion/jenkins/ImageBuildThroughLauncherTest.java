package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.build.BuildOrder;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;

/**
 * Image builds as Jenkins runs them: a builder program starts through the build's launcher (so a {@code container()}
 * or {@code withDockerContainer} decorating it applies), with the build's environment, its private files beside the
 * workspace on the agent; Jib, a library, builds in the agent's JVM. Against the real registry, with real buildah.
 */
class ImageBuildThroughLauncherTest {

    private static final String USER = "ci";
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    Path dir;
    private Path workspace;
    private Path temporary;
    private MockedStatic<WorkspaceList> workspaces;
    private MockedStatic<CredentialsProvider> credentials;
    private final Run<?, ?> run = Builds.build();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = mock(TaskListener.class);

    @BeforeEach
    void agent() throws Exception {
        RealParts.require(TestRegistry.installed(), "docker-registry");
        RealParts.require(TestRegistry.skopeoInstalled(), "skopeo");
        workspace = Files.createDirectories(dir.resolve("workspace/web"));
        temporary = dir.resolve("workspace/web@tmp");
        Files.writeString(Files.createDirectories(workspace.resolve("app")).resolve("hello.txt"), "hello from " + dir + "\n");
        Files.writeString(workspace.resolve("app/Containerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        FilePath tmp = AgentFiles.of(temporary);
        workspaces = mockStatic(WorkspaceList.class);
        workspaces.when(() -> WorkspaceList.tempDir(any())).thenReturn(tmp);
        StandardUsernamePasswordCredentials login = mock(StandardUsernamePasswordCredentials.class);
        Secret secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(PASSWORD);
        when(login.getUsername()).thenReturn(USER);
        when(login.getPassword()).thenReturn(secret);
        credentials = mockStatic(CredentialsProvider.class);
        credentials.when(() -> CredentialsProvider.findCredentialById(eq("registry-login"), eq(StandardCredentials.class), any(Run.class)))
                .thenReturn(login);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        credentials.close();
        workspaces.close();
    }

    @Test
    void buildahStartsThroughTheBuildsLauncherWithTheBuildsEnvironment() throws Exception {
        RealParts.require(Programs.installed("buildah"), "buildah");
        // The build's environment, as withEnv and a tool installation make it: buildah found through a PATH entry of
        // the build (a shim that notes each call), its storage configured by a variable only the build has.
        Path shim = Files.createDirectories(dir.resolve("tools/bin"));
        Path calls = dir.resolve("tools/calls");
        Files.writeString(shim.resolve("buildah"), "#!/bin/sh\necho \"$1 $2 $3 $4 $5\" >> \"$SHIM_CALLS\"\nexec /usr/bin/buildah \"$@\"\n");
        Files.setPosixFilePermissions(shim.resolve("buildah"), PosixFilePermissions.fromString("rwx------"));
        Path storage = dir.resolve("storage");
        Files.writeString(dir.resolve("storage.conf"), "[storage]\ndriver = \"vfs\"\ngraphroot = \"" + storage.resolve("root")
                + "\"\nrunroot = \"" + storage.resolve("run") + "\"\n");
        EnvVars env = new EnvVars();
        env.put("PATH", shim + ":" + System.getenv("PATH"));
        env.put("SHIM_CALLS", calls.toString());
        env.put("CONTAINERS_STORAGE_CONF", dir.resolve("storage.conf").toString());
        RecordingLauncher launcher = new RecordingLauncher();
        List<String> authFiles = new ArrayList<>();
        launcher.whileRunning(launch -> {
            String auth = launch.envs.get("REGISTRY_AUTH_FILE");
            try {
                authFiles.add(auth + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(auth))));
            } catch (java.io.IOException e) {
                authFiles.add(auth + " unreadable: " + e);
            }
        });

        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            BuildOrder order = new BuildOrder(registry.host() + "/acme/web", List.of("1.5.0"), "buildah").context("app")
                    .push(true).insecureRegistry(true).storage(null, "chroot");

            Map<String, Object> result = ImageBuildRunner.build(run, AgentFiles.of(workspace), env, launcher.launcher(), listener, order,
                    "registry-login");

            assertThat(result.get("digest")).isEqualTo(registry.skopeoDigest("acme/web", "1.5.0"));
            assertThat(run.getAction(BuiltImageAction.class)).as("the build keeps what it built, for its page").satisfies(built -> {
                assertThat(built.getDigest()).isEqualTo(result.get("digest"));
                assertThat(built.getTags()).containsExactly("1.5.0");
                assertThat(built.getImage()).isEqualTo(registry.host() + "/acme/web");
            });
        }
        assertThat(launcher.launches()).extracting(l -> l.argv.get(0)).containsExactly("buildah", "buildah");
        assertThat(launcher.launches()).allSatisfy(launch -> {
            assertThat(launch.envs).containsEntry("SHIM_CALLS", calls.toString()).containsEntry("PATH", env.get("PATH"));
            assertThat(launch.envs.get("REGISTRY_AUTH_FILE")).startsWith(temporary.resolve("image-build").toString())
                    .endsWith("/registry-auth/config.json");
            assertThat(launch.pwd).isEqualTo(workspace.resolve("app").toString());
            assertThat(launch.masks).hasSize(launch.argv.size()).containsOnly(false);
            assertThat(String.join(" ", launch.argv)).doesNotContain(PASSWORD);
        });
        assertThat(authFiles).allSatisfy(line -> assertThat(line).endsWith(" rw-------"));
        assertThat(Files.readAllLines(calls)).hasSize(2).allSatisfy(line -> assertThat(line).matches("(build|push) .*"));
        assertThat(storage.resolve("root")).isDirectory();
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).as("the build's private folder is gone").isEmpty();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("GitOps Promotion: built").doesNotContain(PASSWORD);
    }

    @Test
    void jibBuildsInTheAgentsJvmAndStartsNoProgram() throws Exception {
        Files.createDirectories(workspace.resolve("site"));
        Files.writeString(workspace.resolve("site/index.html"), "<h1>" + dir + "</h1>\n");
        RecordingLauncher launcher = new RecordingLauncher();

        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            BuildOrder order = new BuildOrder(registry.host() + "/acme/site", List.of("2.0.0"), "jib").layer("site:/srv/www")
                    .push(true).insecureRegistry(true);

            Map<String, Object> result = ImageBuildRunner.build(run, AgentFiles.of(workspace), new EnvVars(), launcher.launcher(), listener,
                    order, "registry-login");

            assertThat(result.get("digest")).isEqualTo(registry.skopeoDigest("acme/site", "2.0.0"));
        }
        verifyNoInteractions(launcher.launcher());
    }

    @Test
    void anArgumentHoldingASecretIsMaskedInTheLog() throws Exception {
        RecordingLauncher launcher = new RecordingLauncher();
        LauncherProcessRunner runner = new LauncherProcessRunner(launcher.launcher(), Map.of("A", "1"), java.util.Set.of("t0ken"));

        int exit = runner.run(new io.jenkins.plugins.gitopspromotion.build.ProcessCommand(List.of("true", "--password=t0ken", "plain"),
                Map.of("B", "2"), null), line -> { });

        assertThat(exit).isZero();
        assertThat(launcher.launches()).singleElement().satisfies(launch -> {
            assertThat(launch.masks).containsExactly(false, true, false);
            assertThat(launch.envs).containsEntry("A", "1").containsEntry("B", "2");
        });
    }
}
