package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.guard.BoundaryFinding;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import java.io.PrintWriter;
import java.util.List;
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

    @Option(names = "--json", description = "Print {\"findings\":[{\"kind\",\"where\",\"remedy\",\"refuses\"}…]}.")
    boolean json;

    @Override
    public Integer call() {
        return print(spec.commandLine().getOut(), CredentialBoundary.current(), json);
    }

    /** Prints the boundary's findings and returns the exit code they mean. */
    static int print(PrintWriter out, CredentialBoundary boundary, boolean json) {
        if (json) {
            out.println(boundary.toJson());
        } else {
            List<BoundaryFinding> refusing = boundary.findings().stream().filter(BoundaryFinding::refuses).toList();
            List<BoundaryFinding> noted = boundary.findings().stream().filter(f -> !f.refuses()).toList();
            if (refusing.isEmpty()) {
                out.println(CLEAR);
            } else {
                list(out, "cluster credentials within reach (" + refusing.size() + "):", refusing);
            }
            if (!noted.isEmpty()) {
                list(out, "noted, refuses nothing (" + noted.size() + "):", noted);
            }
        }
        return boundary.isClear() ? GitOpsPromotionCli.OK : GitOpsPromotionCli.REFUSED;
    }

    private static void list(PrintWriter out, String heading, List<BoundaryFinding> findings) {
        out.println(heading);
        for (BoundaryFinding finding : findings) {
            out.println("  " + finding.kind() + ": " + finding.where());
            out.println("    remedy: " + finding.remedy());
        }
    }
}
