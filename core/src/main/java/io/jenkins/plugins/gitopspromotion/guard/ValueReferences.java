package io.jenkins.plugins.gitopspromotion.guard;

import java.util.regex.Pattern;

/**
 * Values that point at a secret kept elsewhere, or are filled in later, rather than being one: environment
 * and Flux substitutions ({@code ${DB_PASSWORD}}, {@code $(VAR)}, {@code $VAR}), Helm and Go templates
 * ({@code {{ .Values.password }}}), Argo CD Vault Plugin placeholders ({@code <path:secret/data/db#password>}),
 * Bank-Vaults ({@code vault:secret/data/db#password}), vals ({@code ref+vault://...}) and SOPS-encrypted values
 * ({@code ENC[AES256_GCM,...]}).
 */
final class ValueReferences {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?s)\\s*(?:"
            + "\\$\\{[^}]*}"                      // ${VAR}, ${VAR:-default}
            + "|\\$\\([^)]*\\)"                    // $(VAR), Kubernetes dependent environment variables
            + "|\\$[A-Za-z_][A-Za-z0-9_]*"         // $VAR
            + "|\\{\\{.*}}"                        // {{ .Values.x }}
            + "|<path:[^>]+>"                      // argocd-vault-plugin
            + "|vault:\\S+"                        // bank-vaults
            + "|ref\\+[a-z0-9]+://\\S*"            // vals
            + "|ENC\\[[A-Za-z0-9_]+,.*]"            // SOPS
            + ")\\s*");

    private ValueReferences() {
    }

    /** Whether a whole value is a reference to a secret, not the secret. */
    static boolean isReference(String value) {
        return REFERENCE.matcher(value).matches();
    }

    /** Whether a value is one SOPS encrypted it: {@code ENC[AES256_GCM,data:...,iv:...,tag:...,type:str]}. */
    static boolean isSopsEncrypted(String value) {
        return value.startsWith("ENC[") && value.endsWith("]");
    }
}
