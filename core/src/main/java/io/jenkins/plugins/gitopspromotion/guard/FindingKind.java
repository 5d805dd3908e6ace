package io.jenkins.plugins.gitopspromotion.guard;

import java.util.Locale;

/** What an audit {@link Finding} is about. The first four are secrets; their values are never shown whole. */
public enum FindingKind {
    /** A Kubernetes {@code Secret} (or a kustomize {@code secretGenerator} literal) holding data in plain text. */
    PLAINTEXT_SECRET(true),
    /** A PEM or OpenSSH private key block anywhere in a text file. */
    PRIVATE_KEY(true),
    /** A cloud or Git-host token recognised by its documented format. */
    TOKEN(true),
    /** A random-looking value under a key whose name says it is a secret ({@code password}, {@code apiKey}, ...). */
    HIGH_ENTROPY_VALUE(true),
    /** An image that can change under the same reference: {@code latest}, no tag, or no digest where one is pinned. */
    MUTABLE_TAG(false),
    /** An app's files that differ between consecutive environments in more than the image version. */
    DRIFT(false);

    private final boolean secret;

    FindingKind(boolean secret) {
        this.secret = secret;
    }

    /** Whether the finding is about a secret value (which is then only ever shown masked). */
    public boolean secret() {
        return secret;
    }

    /** The name used in JSON and on the command line, e.g. {@code plaintext-secret}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
