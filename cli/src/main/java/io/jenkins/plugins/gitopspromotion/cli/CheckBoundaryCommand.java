package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.guard.BoundaryFinding;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fails when this process can reach cluster credentials: a kubeconfig, a mounted service account token, the
 * in-cluster variables, or cloud credentials that grant cluster access. Each finding names the variable or
 * file and how to remove it, never its value.
 */
@Command(name = "check-boundary", mixinStandardHelpOptions = true,
        description = {"Fail (exit 3) if this process can reach cluster credentials: kubeconfigs, a mounted service"
                + " account token, in-cluster variables, or cloud credentials.",
            "Each finding names the variable or file and how to remove it, never its value."})
final class CheckBoundaryCommand implements Callable<Integer> {

    /** What is printed when nothing was found. */
    static final String CLEAR = "no cluster credentials within reach";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"findings\":[{\"kind\",\"where\",\"remedy\"}…]}.")
    boolean json;

    @Override
    public Integer call() {
        return print(spec.commandLine().getOut(), CredentialBoundary.current(), json);
    }

    /** Prints the boundary's findings and returns the exit code they mean. */
    static int print(PrintWriter out, CredentialBoundary boundary, boolean json) {
        if (json) {
            out.println(boundary.toJson());
        } else if (boundary.isClear()) {
            out.println(CLEAR);
        } else {
            out.println("cluster credentials within reach (" + boundary.findings().size() + "):");
            for (BoundaryFinding finding : boundary.findings()) {
                out.println("  " + finding.kind() + ": " + finding.where());
                out.println("    remedy: " + finding.remedy());
            }
        }
        return boundary.isClear() ? GitOpsPromotionCli.OK : GitOpsPromotionCli.REFUSED;
    }
}
