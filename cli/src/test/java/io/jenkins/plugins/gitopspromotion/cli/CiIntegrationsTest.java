package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The GitHub Action (action.yml and ci/github-action.sh) and the GitLab CI template (docs/gitops-promotion.gitlab-ci.yml)
 * run as those CI systems run them, with a stand-in for the program they start ({@code docker}, or the image's
 * {@code gitops-promotion}) that records its arguments: those must be what the real {@code promote} command parses, with
 * the token only in the environment. ImageIT runs the image itself.
 */
class CiIntegrationsTest {

    private static final Path ROOT = Path.of("..");
    private static final String TOKEN = "glpat-Secret-Token-1234";

    /** A program named {@code name} that writes its arguments, one a line, to {@code name.args} and prints a result. */
    private static Path recorder(Path dir, String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path program = bin.resolve(name);
        Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + dir.resolve(name + ".args")
                + "\"\nprintf '%s' \"$GITOPS_TOKEN\" > \"" + dir.resolve(name + ".token") + "\"\necho '{\"status\":\"promoted\"}'\n");
        assertThat(program.toFile().setExecutable(true)).isTrue();
        return bin;
    }

    private static List<String> recorded(Path dir, String name) throws IOException {
        return Files.readAllLines(dir.resolve(name + ".args"));
    }

    /** The arguments as the real promote command parses them (an option it does not have fails here). */
    private static ParseResult promote(List<String> args) {
        assertThat(args.get(0)).isEqualTo("promote");
        return new CommandLine(new PromoteCommand()).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
    }

    /** The option's argument as given on the command line. */
    private static String value(ParseResult promote, String option) {
        assertThat(promote.hasMatchedOption(option)).as(option).isTrue();
        return promote.matchedOption(option).stringValues().get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String path) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(ROOT.resolve(path)));
    }

    private static Programs.Result runAction(Path dir, Map<String, String> inputs) throws IOException {
        Map<String, String> environment = new HashMap<>(inputs);
        environment.put("PATH", recorder(dir, "docker") + ":" + System.getenv("PATH"));
        environment.put("GITHUB_WORKSPACE", dir.toString());
        environment.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        environment.put("GITHUB_SERVER_URL", "https://github.com");
        environment.put("GITHUB_REPOSITORY", "acme/web");
        environment.put("GITHUB_RUN_ID", "42");
        environment.put("GITHUB_SHA", "c0ffee");
        return Programs.run(environment, List.of("bash", ROOT.resolve("ci/github-action.sh").toString()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyInputOfTheActionReachesItsScriptThroughTheEnvironment() throws Exception {
        Map<String, Object> action = yaml("action.yml");
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertThat(runs.get("using")).isEqualTo("composite");
        Map<String, Object> step = ((List<Map<String, Object>>) runs.get("steps")).get(0);
        assertThat((String) step.get("run")).as("no input is spliced into the script").doesNotContain("${{");
        Map<String, Object> env = (Map<String, Object>) step.get("env");
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        assertThat(inputs).containsKeys("image", "repository", "environment", "app", "tag", "digest", "from", "token");
        for (String input : inputs.keySet()) {
            assertThat(env).as(input).containsValue("${{ inputs." + input + " }}");
        }
        String script = Files.readString(ROOT.resolve("ci/github-action.sh"));
        for (String variable : env.keySet()) {
            assertThat(script).as(variable).contains(variable);
        }
    }

    @Test
    void theActionRunsPromoteInTheImageWithTheTokenOnlyInTheEnvironment(@TempDir Path dir) throws Exception {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("GITOPS_IMAGE", "registry.example/gitops-promotion:123.vabc");
        inputs.put("GITOPS_REPOSITORY", "https://github.com/acme/platform-config.git");
        inputs.put("GITOPS_ENVIRONMENT", "dev");
        inputs.put("GITOPS_APP", "web");
        inputs.put("GITOPS_TAG", "1.5.0");
        inputs.put("GITOPS_DIGEST", "");
        inputs.put("GITOPS_FROM", "");
        inputs.put("GITOPS_TOKEN", TOKEN);
        inputs.put("GITOPS_DRY_RUN", "false");
        Programs.Result result = runAction(dir, inputs);
        assertThat(result.exitCode()).as(result.output()).isZero();

        List<String> docker = recorded(dir, "docker");
        assertThat(docker.subList(0, 2)).containsExactly("run", "--rm");
        assertThat(docker).containsSequence("--env", "GITOPS_TOKEN").doesNotContain(TOKEN).noneMatch(arg -> arg.contains(TOKEN));
        assertThat(Files.readString(dir.resolve("docker.token"))).as("handed to docker by name").isEqualTo(TOKEN);
        int image = docker.indexOf("registry.example/gitops-promotion:123.vabc");
        assertThat(image).isPositive();
        ParseResult promote = promote(docker.subList(image + 1, docker.size()));
        assertThat(value(promote, "--repo")).isEqualTo("https://github.com/acme/platform-config.git");
        assertThat(value(promote, "--env")).isEqualTo("dev");
        assertThat(value(promote, "--app")).isEqualTo("web");
        assertThat(value(promote, "--tag")).isEqualTo("1.5.0");
        assertThat(value(promote, "--token-env")).isEqualTo("GITOPS_TOKEN");
        assertThat(value(promote, "--build-url")).isEqualTo("https://github.com/acme/web/actions/runs/42");
        assertThat(value(promote, "--source-commit")).isEqualTo("c0ffee");
        assertThat(promote.hasMatchedOption("--json")).isTrue();
        assertThat(promote.hasMatchedOption("--digest")).as("empty inputs are left out").isFalse();
        assertThat(promote.hasMatchedOption("--from")).isFalse();
        assertThat(promote.hasMatchedOption("--dry-run")).isFalse();
        assertThat(Files.readString(dir.resolve("output"))).isEqualTo("result={\"status\":\"promoted\"}\n");

        inputs.put("GITOPS_TAG", "");
        inputs.put("GITOPS_FROM", "staging");
        inputs.put("GITOPS_TOKEN", "");
        inputs.put("GITOPS_DRY_RUN", "true");
        assertThat(runAction(dir, inputs).exitCode()).isZero();
        docker = recorded(dir, "docker");
        promote = promote(docker.subList(docker.indexOf("registry.example/gitops-promotion:123.vabc") + 1, docker.size()));
        assertThat(value(promote, "--from")).isEqualTo("staging");
        assertThat(promote.hasMatchedOption("--dry-run")).isTrue();
        assertThat(promote.hasMatchedOption("--tag")).isFalse();
        assertThat(promote.hasMatchedOption("--token-env")).as("no token, no --token-env").isFalse();

        inputs.remove("GITOPS_ENVIRONMENT");
        Programs.Result missing = runAction(dir, inputs);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("the environment input is required");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGitLabTemplateRunsPromoteWithTheImagesShell(@TempDir Path dir) throws Exception {
        Map<String, Object> job = (Map<String, Object>) yaml("docs/gitops-promotion.gitlab-ci.yml").get(".gitops-promotion");
        Map<String, Object> image = (Map<String, Object>) job.get("image");
        assertThat(image.get("name")).isEqualTo("$GITOPS_IMAGE");
        assertThat((List<String>) image.get("entrypoint")).containsExactly("");

        Map<String, String> environment = new HashMap<>();
        ((Map<String, Object>) job.get("variables")).forEach((name, value) -> environment.put(name, String.valueOf(value)));
        environment.put("GITOPS_REPOSITORY", "/builds/acme/config repo.git");
        environment.put("GITOPS_ENVIRONMENT", "prod");
        environment.put("GITOPS_IMAGE_REFERENCE", "ghcr.io/acme/web:1.5.0@sha256:" + "a".repeat(64));
        environment.put("GITOPS_MODE", "pull-request");
        environment.put("GITOPS_TOKEN", TOKEN);
        environment.put("CI_JOB_URL", "https://gitlab.example/acme/web/-/jobs/7");
        environment.put("CI_COMMIT_SHA", "c0ffee");
        environment.put("PATH", recorder(dir, "gitops-promotion") + ":" + System.getenv("PATH"));
        // The image's shell is Debian's dash, the same /bin/sh as here.
        for (Object line : (List<Object>) job.get("script")) {
            Programs.Result result = Programs.run(environment, List.of("/bin/sh", "-e", "-c", (String) line));
            assertThat(result.exitCode()).as(result.output()).isZero();
        }

        List<String> args = recorded(dir, "gitops-promotion");
        assertThat(args).noneMatch(arg -> arg.contains(TOKEN));
        ParseResult promote = promote(args);
        assertThat(value(promote, "--repo")).as("one argument, space and all").isEqualTo("/builds/acme/config repo.git");
        assertThat(value(promote, "--env")).isEqualTo("prod");
        assertThat(value(promote, "--image")).isEqualTo("ghcr.io/acme/web:1.5.0@sha256:" + "a".repeat(64));
        assertThat(value(promote, "--mode")).isEqualTo("pull-request");
        assertThat(value(promote, "--username")).isEqualTo("oauth2");
        assertThat(value(promote, "--token-env")).isEqualTo("GITOPS_TOKEN");
        assertThat(value(promote, "--build-url")).isEqualTo("https://gitlab.example/acme/web/-/jobs/7");
        assertThat(promote.hasMatchedOption("--app")).isFalse();
        assertThat(promote.hasMatchedOption("--tag")).isFalse();
        assertThat(promote.hasMatchedOption("--dry-run")).isFalse();
        assertThat(Files.readString(dir.resolve("gitops-promotion.token"))).isEqualTo(TOKEN);
    }
}
