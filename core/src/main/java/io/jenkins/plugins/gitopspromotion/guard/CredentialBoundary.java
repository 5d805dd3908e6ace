package io.jenkins.plugins.gitopspromotion.guard;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential boundary: the cluster credentials a process can reach. Promotion only needs a Git hosting
 * credential (and a registry credential to build); a build that can also reach a cluster is exactly the CI with
 * cluster rights that GitOps exists to remove, so a promotion checks this first.
 *
 * <p>It looks for kubeconfigs ({@code KUBECONFIG}, {@code ~/.kube/config}), a mounted Kubernetes service account
 * token, the variables Kubernetes sets in every pod, and cloud credentials that commonly grant cluster access
 * (AWS, Google Cloud, Azure, DigitalOcean: variables and the cloud command lines' files in the home folder).
 * A finding names the variable or the file, never its value or content.
 */
public final class CredentialBoundary {

    /**
     * The system property that moves the folder a service account token is looked for in, for tests: they
     * cannot write to {@code /var/run/secrets}. It is not an environment variable on purpose: the environment
     * is what is being checked and what a build script controls, so a variable would let the build point the
     * check away from a token that is mounted. A JVM option variable that sets the property is itself reported.
     */
    public static final String SERVICE_ACCOUNT_DIR_PROPERTY = "gitops.promotion.serviceAccountDir";

    /** Where Kubernetes mounts a pod's service account token. */
    public static final Path DEFAULT_SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private final List<BoundaryFinding> findings;

    private CredentialBoundary(List<BoundaryFinding> findings) {
        this.findings = List.copyOf(findings);
    }

    /** The boundary of the running process: its environment, its home folder, and the service account folder. */
    public static CredentialBoundary current() {
        return of(System.getenv(), path(System.getProperty("user.home")).orElse(null));
    }

    /**
     * The boundary of a build step run by this process (a Jenkins agent): the build's environment variables laid
     * over the process's own, since the tools the step runs see both.
     *
     * @param buildEnvironment the build's environment variables
     */
    public static CredentialBoundary ofBuild(Map<String, String> buildEnvironment) {
        return of(withProcessEnvironment(buildEnvironment), path(System.getProperty("user.home")).orElse(null));
    }

    /**
     * The boundary of a build step run by a Jenkins controller in its own process (a promotion that needs no agent):
     * what the build's environment names refuses a promotion as on an agent; the controller's own credentials, in its
     * files (the service account token the Kubernetes plugin starts agents with, a kubeconfig in its home), are
     * reported but refuse nothing, unless {@code enforceOwn}.
     */
    public static CredentialBoundary ofController(Map<String, String> buildEnvironment, boolean enforceOwn) {
        return of(withProcessEnvironment(buildEnvironment), path(System.getProperty("user.home")).orElse(null),
                serviceAccountDir(System.getProperty(SERVICE_ACCOUNT_DIR_PROPERTY)), enforceOwn);
    }

    private static Map<String, String> withProcessEnvironment(Map<String, String> buildEnvironment) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(buildEnvironment);
        return environment;
    }

    /**
     * The boundary of a process with this environment and home folder. {@code HOME} in the environment is checked
     * too when it names another folder: the JVM's home comes from the user database, while the tools a build
     * runs read {@code HOME}. The service account folder is {@link #DEFAULT_SERVICE_ACCOUNT_DIR} unless the
     * system property {@value #SERVICE_ACCOUNT_DIR_PROPERTY} moves it.
     *
     * @param environment the process's environment variables
     * @param home its home folder, or null when it has none
     */
    public static CredentialBoundary of(Map<String, String> environment, Path home) {
        return of(environment, home, serviceAccountDir(System.getProperty(SERVICE_ACCOUNT_DIR_PROPERTY)));
    }

    /** As {@link #of(Map, Path)}, with the service account folder given; for tests in this package. */
    static CredentialBoundary of(Map<String, String> environment, Path home, Path serviceAccountDir) {
        return of(environment, home, serviceAccountDir, true);
    }

    private static CredentialBoundary of(Map<String, String> environment, Path home, Path serviceAccountDir, boolean filesRefuse) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(serviceAccountDir, "serviceAccountDir");
        BoundaryScan scan = new BoundaryScan(environment, homes(environment, home), serviceAccountDir, filesRefuse);
        KubernetesCredentials.scan(scan);
        CloudCredentials.scan(scan);
        return new CredentialBoundary(scan.findings());
    }

    /** The service account folder the property names, or the default one when it is unset or blank. */
    static Path serviceAccountDir(String property) {
        return property == null || property.isBlank() ? DEFAULT_SERVICE_ACCOUNT_DIR : Path.of(property);
    }

    /** Every credential found, Kubernetes' first; empty when none is within reach. */
    public List<BoundaryFinding> findings() {
        return findings;
    }

    /** Whether nothing within reach refuses a promotion (what is only reported may remain). */
    public boolean isClear() {
        return findings.stream().noneMatch(BoundaryFinding::refuses);
    }

    /** {@code {"findings":[{"kind","where","remedy","refuses"},…]}}. */
    public String toJson() {
        return Json.write(new Findings(findings), "the boundary findings");
    }

    @JsonPropertyOrder({"findings"})
    private record Findings(List<BoundaryFinding> findings) {
    }

    /** {@code home}, then {@code HOME} when it is another folder. */
    private static List<Path> homes(Map<String, String> environment, Path home) {
        List<Path> homes = new ArrayList<>();
        if (home != null) {
            homes.add(BoundaryScan.absolute(home));
        }
        path(environment.get("HOME")).map(BoundaryScan::absolute).filter(h -> !homes.contains(h)).ifPresent(homes::add);
        return homes;
    }

    /**
     * A folder named by a variable or property, if it names one: not blank, and not {@code ?}, which is what
     * Java puts in {@code user.home} for a user the system does not know.
     */
    static Optional<Path> path(String value) {
        if (value == null || value.isBlank() || value.equals("?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
