package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The top command: only the subcommand a run names is built, and nothing users see changes for it. */
class GitOpsPromotionCliTest {

    private static final String[] COMMANDS = {"promote", "rollback", "release", "status", "prune", "wait", "serve", "config", "audit",
        "check-boundary", "demo", "build", "resolve-digest", "help"};

    @Test
    void aRunNamingASubcommandBuildsOnlyThatOne() {
        assertThat(GitOpsPromotionCli.subcommandsFor("promote", "--env", "dev")).containsExactly(PromoteCommand.class);
        assertThat(GitOpsPromotionCli.subcommandsFor("resolve-digest")).containsExactly(ResolveDigestCommand.class);
    }

    @Test
    void helpUsageErrorsAndNoArgumentsGetEveryCommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "promote"}, {"promot"}, {"-V"}}) {
            assertThat(GitOpsPromotionCli.subcommandsFor(args)).as(String.join(" ", args)).hasSize(COMMANDS.length);
        }
    }

    @Test
    void topLevelHelpStillListsEveryCommandInOrder() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).containsSubsequence(COMMANDS);
    }

    @Test
    void helpForOneCommandAndTheCommandsOwnHelpAgree() {
        CliRun viaHelp = CliRun.of("help", "rollback");
        CliRun own = CliRun.of("rollback", "--help");
        assertThat(viaHelp.exitCode()).isZero();
        assertThat(own.exitCode()).isZero();
        assertThat(own.out()).startsWith("Usage: gitops-promotion rollback").isEqualTo(viaHelp.out());
    }

    @Test
    void aMistypedCommandIsStillAUsageErrorWithASuggestion() {
        CliRun typo = CliRun.of("promot", "--env", "dev");
        assertThat(typo.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(typo.err()).contains("Unmatched argument").contains("promote");
    }

    @Test
    void settingsReachTheOneSubcommandBuilt() {
        // The execution exception handler is set after the subcommand is added: an engine error is one plain line.
        CliRun failed = CliRun.of("status", "--repo", "/nonexistent/config-repo");
        assertThat(failed.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(failed.err()).startsWith("gitops-promotion: ").doesNotContain("\tat ");
    }

    @Test
    void aTokenWrittenAsTheUrlsUserOrAPasswordWithASlashIsRefusedAndNeverPrinted() {
        for (String repo : List.of("https://ghp_0123456789abcdefABCDEF0123456789abcd@git.example.com/acme/config.git",
                "https://bot:pa/ss-Word9@git.example.com/acme/config.git")) {
            CliRun status = CliRun.of("status", "--repo", repo, "--json");

            assertThat(status.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
            assertThat(status.err()).contains("--repo: the repository ");
            assertThat(status.out() + status.err()).doesNotContain("ghp_").doesNotContain("pa/ss").doesNotContain("ss-Word9");
        }
    }
}
