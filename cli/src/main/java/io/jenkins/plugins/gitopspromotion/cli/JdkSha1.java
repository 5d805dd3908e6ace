package io.jenkins.plugins.gitopspromotion.cli;

/**
 * Has JGit hash with the JDK's SHA-1 ({@code MessageDigest}, compiled to the processor's SHA instructions where it
 * has them) instead of its own SHA-1 in Java with collision detection. A promotion from an empty cache hashes every
 * object of the tip it fetches (some 44,000 on a config repository of 4,000 apps); in a fresh JVM the JDK's digest cut
 * about 0.2 s of CPU from such a promotion (docs/benchmarks.md). What is lost is the detection of objects crafted to
 * collide (SHAttered), which protects a repository from what a hostile server or pusher sends; the mirror takes what
 * the config repository's own host serves. Set {@value #PROPERTY} to {@code java} (in
 * {@code GITOPS_PROMOTION_JAVA_OPTS}) to keep the detection. Only for the CLI's own process: inside Jenkins the JVM's
 * JGit is shared with other plugins and left as it is.
 */
final class JdkSha1 {

    /** JGit's system property naming its SHA-1 implementation. */
    static final String PROPERTY = "org.eclipse.jgit.util.sha1.implementation";

    private JdkSha1() {
    }

    /** Chooses the JDK's SHA-1 unless the property names an implementation already. */
    static void chooseUnlessSet() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "jdkNative");
        }
    }
}
