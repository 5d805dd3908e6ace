package io.jenkins.plugins.gitopspromotion.guard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Kubernetes' own credentials: kubeconfigs, a mounted service account token, the in-cluster variables. */
final class KubernetesCredentials {

    private static final String KUBECONFIG_VARIABLE_REMEDY = "unset KUBECONFIG in the agent's environment (end the"
            + " withKubeConfig or withCredentials block before the promotion); promoting needs no cluster access";
    private static final String KUBECONFIG_FILE_REMEDY = "remove the file from the agent's home, or promote on a separate"
            + " agent label whose home holds no kubeconfig";
    private static final String TOKEN_REMEDY = "set automountServiceAccountToken: false on the agent pod spec (or on its"
            + " service account) so no token is mounted";
    private static final String IN_CLUSTER_REMEDY = "nothing to do: Kubernetes sets these in every container of a pod;"
            + " they only locate the API server and grant nothing without a token or a kubeconfig";
    private static final String REDIRECT_REMEDY = "remove -D" + CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY
            + " from it: the property exists for tests, and moves where the check looks for a mounted token";

    /** Kubernetes sets both in every container; in-cluster clients need them to find the API server. */
    static final List<String> IN_CLUSTER_VARIABLES = List.of("KUBERNETES_SERVICE_HOST", "KUBERNETES_PORT");
    /** The variables through which the JVM takes options from its environment. */
    static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private static final Pattern REDIRECT = Pattern.compile(
            "-D" + Pattern.quote(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY) + "(=|\\s|$)");

    private KubernetesCredentials() {
    }

    static void scan(BoundaryScan scan) {
        scan.variable("KUBECONFIG").ifPresent(value -> kubeconfigEntries(scan, value));
        for (Path home : scan.homes()) {
            scan.fileIfPresent(BoundaryFinding.KUBECONFIG, home.resolve(".kube").resolve("config"), KUBECONFIG_FILE_REMEDY);
        }
        scan.fileIfPresent(BoundaryFinding.SERVICE_ACCOUNT_TOKEN, scan.serviceAccountDir().resolve("token"), TOKEN_REMEDY);
        for (String name : IN_CLUSTER_VARIABLES) {
            scan.variable(name).ifPresent(v -> scan.variableNoted(BoundaryFinding.IN_CLUSTER_ENVIRONMENT, name, IN_CLUSTER_REMEDY));
        }
        for (String name : JVM_OPTION_VARIABLES) {
            scan.variable(name).filter(v -> REDIRECT.matcher(v).find()).ifPresent(v -> scan.add(
                    BoundaryFinding.CHECK_REDIRECTED, "environment variable " + name + " sets "
                            + CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, REDIRECT_REMEDY));
        }
    }

    private static String state(Path file) {
        if (Files.isRegularFile(file)) {
            return "file exists";
        }
        return Files.exists(file) ? "not a file" : "no such file";
    }

    /** One finding per path in {@code KUBECONFIG}, present or not: a kubeconfig may appear there at any time. */
    private static void kubeconfigEntries(BoundaryScan scan, String value) {
        int position = 0;
        for (String entry : value.split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            position++;
            String where;
            try {
                Path file = BoundaryScan.absolute(Path.of(entry));
                where = "KUBECONFIG entry " + file + " (" + state(file) + ")";
                scan.reported(file);
            } catch (InvalidPathException e) {
                // Its message quotes the entry, which is not a path and might be anything.
                where = "KUBECONFIG entry " + position + " (not a valid path)";
            }
            scan.add(BoundaryFinding.KUBECONFIG, where, KUBECONFIG_VARIABLE_REMEDY);
        }
    }
}
