package io.jenkins.plugins.gitopspromotion.guard;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One cluster credential within reach of the process, or a sign of a cluster that is not one: what kind it is, where
 * it is, how to take it away, and whether it refuses a promotion. It never holds the credential itself: {@code where}
 * names a variable or a file, never a value or content.
 *
 * @param kind what kind of credential, one of the constants of this record (e.g. {@value #KUBECONFIG})
 * @param where the environment variable's name or the file's path
 * @param remedy how to remove it from the agent
 * @param refuses whether an enforced boundary refuses a promotion for it; false for what is only reported: the
 *     in-cluster address variables every pod has, which grant nothing, and a Jenkins controller's own credentials
 *     (its service account token starts agents) unless the administrator enforces the boundary there too
 */
@JsonPropertyOrder({"kind", "where", "remedy", "refuses"})
public record BoundaryFinding(String kind, String where, String remedy, boolean refuses) {

    /** A kubeconfig: named by {@code KUBECONFIG}, or {@code ~/.kube/config}. */
    public static final String KUBECONFIG = "kubeconfig";
    /** A Kubernetes service account token mounted into the pod. */
    public static final String SERVICE_ACCOUNT_TOKEN = "service-account-token";
    /** The variables Kubernetes sets in every pod, which in-cluster clients find the API server by. */
    public static final String IN_CLUSTER_ENVIRONMENT = "in-cluster-environment";
    /** AWS credentials (EKS). */
    public static final String AWS = "aws-credentials";
    /** Google Cloud credentials (GKE). */
    public static final String GOOGLE_CLOUD = "gcp-credentials";
    /** Azure credentials (AKS). */
    public static final String AZURE = "azure-credentials";
    /** DigitalOcean credentials (DOKS). */
    public static final String DIGITALOCEAN = "digitalocean-credentials";
    /** The JVM was told, through the environment, to look for the service account token elsewhere. */
    public static final String CHECK_REDIRECTED = "boundary-check-redirected";

    /** A finding that refuses a promotion where the boundary is enforced. */
    public BoundaryFinding(String kind, String where, String remedy) {
        this(kind, where, remedy, true);
    }

    /** Checks that every part is present. */
    public BoundaryFinding {
        requireText(kind, "kind");
        requireText(where, "where");
        requireText(remedy, "remedy");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a boundary finding needs a " + name);
        }
    }
}
