package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.build.RegistryAccessException;
import io.jenkins.plugins.gitopspromotion.build.RegistryClient;
import io.jenkins.plugins.gitopspromotion.build.RegistryTls;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Asks the registry which digest a tag points at, so a promotion can pin exactly what was tested. */
@Command(name = "resolve-digest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the digest a registry serves for an image's tag (distribution API; Basic and Bearer auth).")
final class ResolveDigestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--image", required = true, paramLabel = "NAME", description = "The image name, registry[:port]/repository.")
    String image;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "The tag to resolve.")
    String tag;

    @Mixin
    RegistryAuthOptions registry;

    @Option(names = "--json", description = "Print {\"image\",\"tag\",\"digest\",\"reference\"}.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ImageReference reference;
        try {
            reference = ImageReference.of(image, tag, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String host = reference.registry().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--image " + image + " names no registry; write it in full, e.g. registry.example.com/team/app"));
        Digest digest;
        try {
            digest = new RegistryClient(new RegistryTls(registry.insecure, registry.caCertificate))
                    .resolveDigest(reference, registry.auth(spec, host));
        } catch (RegistryAccessException e) {
            spec.commandLine().getErr().println("gitops-promotion: " + e.getMessage());
            return GitOpsPromotionCli.FAILED;
        }
        String pinned = reference.withoutTag() + "@" + digest;
        if (json) {
            Map<String, String> result = new LinkedHashMap<>();
            result.put("image", reference.withoutTag().toString());
            result.put("tag", tag);
            result.put("digest", digest.toString());
            result.put("reference", pinned);
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(result));
        } else {
            spec.commandLine().getOut().println(digest);
        }
        return GitOpsPromotionCli.OK;
    }
}
