package io.jenkins.plugins.gitopspromotion.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cloud credentials that commonly grant access to a managed cluster (EKS, GKE, AKS, DOKS): in the environment,
 * and in the cloud command lines' folders in the home directory. Variables that only choose a region, a
 * project, a tenant or a CA bundle are not credentials and are not listed.
 */
final class CloudCredentials {

    private static final String UNSET = "unset it in the agent's environment (end the withCredentials or withAWS block"
            + " before the promotion), or promote on a separate agent label without cloud credentials";
    private static final String EKS_SERVICE_ACCOUNT = "EKS sets it for a service account annotated"
            + " eks.amazonaws.com/role-arn: run the agent pod under a service account without that annotation, or "
            + UNSET;
    private static final String EKS_POD_IDENTITY = "EKS Pod Identity or an ECS task role sets it: run the agent without"
            + " a pod identity association or task role that reaches a cluster, or " + UNSET;
    private static final String AZURE_WORKLOAD_IDENTITY = "Azure Workload Identity sets it for a pod labelled"
            + " azure.workload.identity/use: remove the label from the agent pod, or " + UNSET;
    private static final String ELSEWHERE = ", or promote on a separate agent label without cloud credentials";

    /**
     * A variable that holds a credential or points at one.
     *
     * @param namesFile whether its value is a path (the finding then says whether that file exists)
     */
    record Variable(String name, String kind, boolean namesFile, String remedy) {
    }

    /**
     * A cloud command line's folder in the home directory and the credential files it keeps there.
     *
     * @param overrideVariable the variable that moves the folder, or null; both places are checked
     * @param homeRelative where the folder is by default, relative to the home directory
     * @param files credential files in it
     * @param caches folders in it that hold cached credentials when they hold any file
     */
    record Folder(String kind, String overrideVariable, String homeRelative, List<String> files, List<String> caches,
            String remedy) {
    }

    static final List<Variable> VARIABLES = List.of(
            new Variable("AWS_ACCESS_KEY_ID", BoundaryFinding.AWS, false, UNSET),
            new Variable("AWS_SECRET_ACCESS_KEY", BoundaryFinding.AWS, false, UNSET),
            new Variable("AWS_SESSION_TOKEN", BoundaryFinding.AWS, false, UNSET),
            new Variable("AWS_PROFILE", BoundaryFinding.AWS, false, UNSET),
            new Variable("AWS_DEFAULT_PROFILE", BoundaryFinding.AWS, false, UNSET),
            new Variable("AWS_SHARED_CREDENTIALS_FILE", BoundaryFinding.AWS, true, UNSET),
            new Variable("AWS_WEB_IDENTITY_TOKEN_FILE", BoundaryFinding.AWS, true, EKS_SERVICE_ACCOUNT),
            new Variable("AWS_CONTAINER_CREDENTIALS_FULL_URI", BoundaryFinding.AWS, false, EKS_POD_IDENTITY),
            new Variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", BoundaryFinding.AWS, false, EKS_POD_IDENTITY),
            new Variable("AWS_CONTAINER_AUTHORIZATION_TOKEN", BoundaryFinding.AWS, false, EKS_POD_IDENTITY),
            new Variable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", BoundaryFinding.AWS, true, EKS_POD_IDENTITY),
            new Variable("GOOGLE_APPLICATION_CREDENTIALS", BoundaryFinding.GOOGLE_CLOUD, true, UNSET),
            new Variable("GOOGLE_CREDENTIALS", BoundaryFinding.GOOGLE_CLOUD, false, UNSET),
            new Variable("GOOGLE_OAUTH_ACCESS_TOKEN", BoundaryFinding.GOOGLE_CLOUD, false, UNSET),
            new Variable("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE", BoundaryFinding.GOOGLE_CLOUD, true, UNSET),
            new Variable("CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE", BoundaryFinding.GOOGLE_CLOUD, true, UNSET),
            new Variable("AZURE_CLIENT_SECRET", BoundaryFinding.AZURE, false, UNSET),
            new Variable("AZURE_CLIENT_CERTIFICATE_PATH", BoundaryFinding.AZURE, true, UNSET),
            new Variable("AZURE_PASSWORD", BoundaryFinding.AZURE, false, UNSET),
            new Variable("AZURE_FEDERATED_TOKEN_FILE", BoundaryFinding.AZURE, true, AZURE_WORKLOAD_IDENTITY),
            new Variable("ARM_CLIENT_SECRET", BoundaryFinding.AZURE, false, UNSET),
            new Variable("ARM_CLIENT_CERTIFICATE_PATH", BoundaryFinding.AZURE, true, UNSET),
            new Variable("ARM_OIDC_TOKEN", BoundaryFinding.AZURE, false, UNSET),
            new Variable("ARM_OIDC_TOKEN_FILE_PATH", BoundaryFinding.AZURE, true, UNSET),
            new Variable("DIGITALOCEAN_ACCESS_TOKEN", BoundaryFinding.DIGITALOCEAN, false, UNSET),
            new Variable("DIGITALOCEAN_TOKEN", BoundaryFinding.DIGITALOCEAN, false, UNSET));

    static final List<Folder> FOLDERS = List.of(
            new Folder(BoundaryFinding.AWS, null, ".aws", List.of("credentials"), List.of("sso/cache", "cli/cache"),
                    "remove it from the agent's home (aws sso logout empties the SSO cache)" + ELSEWHERE),
            new Folder(BoundaryFinding.GOOGLE_CLOUD, "CLOUDSDK_CONFIG", ".config/gcloud",
                    List.of("application_default_credentials.json", "credentials.db", "access_tokens.db"),
                    List.of("legacy_credentials"),
                    "run gcloud auth application-default revoke and gcloud auth revoke --all as the agent's user, or"
                            + " remove it from the agent's home" + ELSEWHERE),
            new Folder(BoundaryFinding.AZURE, "AZURE_CONFIG_DIR", ".azure",
                    List.of("msal_token_cache.json", "msal_token_cache.bin", "accessTokens.json",
                            "service_principal_entries.json", "service_principal_entries.bin"),
                    List.of(),
                    "run az logout as the agent's user, or remove it from the agent's home" + ELSEWHERE),
            new Folder(BoundaryFinding.DIGITALOCEAN, null, ".config/doctl", List.of("config.yaml"), List.of(),
                    "run doctl auth remove as the agent's user, or remove it from the agent's home" + ELSEWHERE));

    private CloudCredentials() {
    }

    static void scan(BoundaryScan scan) {
        for (Variable variable : VARIABLES) {
            scan.variable(variable.name()).ifPresent(value -> {
                if (variable.namesFile()) {
                    scan.fileVariableFound(variable.kind(), variable.name(), value, variable.remedy());
                } else {
                    scan.variableFound(variable.kind(), variable.name(), variable.remedy());
                }
            });
        }
        for (Folder folder : FOLDERS) {
            for (Path place : places(scan, folder)) {
                folder.files().forEach(f -> scan.fileIfPresent(folder.kind(), place.resolve(f), folder.remedy()));
                folder.caches().forEach(c -> scan.folderIfHoldsFiles(folder.kind(), place.resolve(c), folder.remedy()));
            }
        }
    }

    /** The folder in every home, and where its override variable moves it. */
    private static List<Path> places(BoundaryScan scan, Folder folder) {
        List<Path> places = new ArrayList<>();
        scan.homes().forEach(home -> places.add(home.resolve(folder.homeRelative())));
        if (folder.overrideVariable() != null) {
            scan.variable(folder.overrideVariable()).flatMap(CredentialBoundary::path).ifPresent(places::add);
        }
        return places;
    }
}
