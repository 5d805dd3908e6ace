package io.jenkins.plugins.gitopspromotion.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gitops-promotion} command: the engine on the command line, for local use, the demo and CI
 * systems other than Jenkins.
 */
@Command(name = "gitops-promotion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Promote container images through a GitOps config repository.")
public final class GitOpsPromotionCli {

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(PromoteCommand.class, RollbackCommand.class, ReleaseCommand.class,
            StatusCommand.class, PruneCommand.class, WaitCommand.class, ServeCommand.class, ConfigCommand.class, AuditCommand.class,
            CheckBoundaryCommand.class, DemoCommand.class, BuildCommand.class, ResolveDigestCommand.class, CommandLine.HelpCommand.class);

    /** Exit code when the command did what was asked, including "already there". */
    public static final int OK = 0;
    /** Exit code when the command failed. */
    public static final int FAILED = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;
    /** Exit code when a guard or policy refused. */
    public static final int REFUSED = 3;

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        SystemGitConfig.locateWithoutRunningGit(System.getenv());
        JdkSha1.chooseUnlessSet();
        TunnelLogin.allowUnlessSet();
        System.setErr(InProcessGitOutput.filtering(System.err));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        // Auto-flush covers println only; a command ending with print must not lose its last lines.
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command with the given output streams and returns its exit code; for tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new GitOpsPromotionCli());
        subcommandsFor(args).forEach(commandLine::addSubcommand);
        // Set after the subcommands are added: picocli passes these settings only to the subcommands it has.
        commandLine.setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    // Engine errors carry messages written for users; a stack trace would only hide them.
                    cmd.getErr().println("gitops-promotion: " + e.getMessage());
                    return FAILED;
                });
        return commandLine.execute(args);
    }

    /**
     * The one subcommand the arguments start with, or all of them (for help, usage errors and suggestions). picocli
     * reflects over every command it is given, about 45 ms of a 400 ms CLI promotion for all of them, and a run
     * only ever executes one; what users see is the same either way.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : SUBCOMMANDS) {
                if (command != CommandLine.HelpCommand.class && command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return SUBCOMMANDS;
    }
}
