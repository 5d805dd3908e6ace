package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a promotion's result, as a line for people or one JSON object, and gives its exit code. */
final class ResultPrinter {

    private ResultPrinter() {
    }

    /** Prints the result and returns the exit code it means. */
    static int print(CommandSpec spec, PromotionResult result, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (json) {
            out.println(result.toJson());
        } else {
            out.println(result.status().json() + ": " + result.reason());
            if (result.commit() != null && (result.status() == PromotionResult.Status.PROMOTED
                    || result.status() == PromotionResult.Status.RELEASED)) {
                out.println("  commit " + result.commit() + " on " + result.branch());
            }
            result.files().forEach(f -> out.println("  " + f));
        }
        return result.status() == PromotionResult.Status.REFUSED ? GitOpsPromotionCli.REFUSED : GitOpsPromotionCli.OK;
    }
}
