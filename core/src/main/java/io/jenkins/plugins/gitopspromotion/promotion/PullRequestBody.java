package io.jenkins.plugins.gitopspromotion.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ValueChange;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The description of a promotion's pull request: what changes (image, tag, digest, files), where it comes
 * from (the environment, the build, the source commit), and a machine-readable block, an HTML comment that
 * GitHub, GitLab, Gitea and Azure DevOps render as nothing, for tools that read promotions back from pull
 * requests. Bitbucket shows HTML comments as text, so there the block is left out: the same facts are in the
 * promotion branch's commit trailers ({@link PromotionMessage}), which the promotion view reads.
 */
public final class PullRequestBody {

    private static final String MARKER = "gitops-promotion:v1";

    /** How every body this tool writes says who opened it: on Bitbucket, where the block is left out, it tells ours apart. */
    private static final String SIGNATURE = "Opened by gitops-promotion;";
    private static final Pattern BLOCK = Pattern.compile("<!-- " + Pattern.quote(MARKER) + " (\\{.*?\\}) -->", Pattern.DOTALL);

    private PullRequestBody() {
    }

    /**
     * The body for a plan, ending with the machine-readable block.
     *
     * @param provenance where the version comes from
     */
    public static String render(ChangePlan plan, Provenance provenance) {
        return render(plan, provenance, true);
    }

    /**
     * The body for a plan.
     *
     * @param provenance where the version comes from
     * @param machineBlock whether to end with the machine-readable HTML comment: false where the provider would
     *     show it as text
     */
    public static String render(ChangePlan plan, Provenance provenance, boolean machineBlock) {
        StringBuilder body = new StringBuilder();
        section(body, plan, provenance);
        body.append("\n").append(SIGNATURE).append(" a newer promotion of ").append(plan.app().name()).append(" to ")
                .append(plan.environment().name()).append(" updates this pull request.\n");
        if (machineBlock) {
            body.append("\n<!-- ").append(MARKER).append(' ').append(block(plan, provenance)).append(" -->\n");
        }
        return body.toString();
    }

    /**
     * The body for a bundle: a section per app as {@link #render} writes it, then one closing sentence and one block,
     * whose {@code apps} holds each app's block.
     *
     * @param plans the apps' changes, in one environment
     */
    public static String renderBundle(List<ChangePlan> plans, Provenance provenance, boolean machineBlock) {
        String env = plans.get(0).environment().name();
        List<String> apps = plans.stream().map(p -> p.app().name()).toList();
        StringBuilder body = new StringBuilder("Promotes " + plans.size() + " apps to **" + env + "** together, in one change: "
                + String.join(", ", apps) + ".\n\n");
        for (ChangePlan plan : plans) {
            body.append("## ").append(plan.app().name()).append("\n\n");
            section(body, plan, provenance);
            body.append('\n');
        }
        body.append(SIGNATURE).append(" a newer promotion of the same apps to ").append(env)
                .append(" together updates this pull request.\n");
        if (machineBlock) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("env", env);
            plans.forEach(plan -> node.withArray("apps").add(blockNode(plan, provenance)));
            body.append("\n<!-- ").append(MARKER).append(' ').append(escape(node.toString())).append(" -->\n");
        }
        return body.toString();
    }

    /** What a body says of one app's change: the version, where it comes from, and the values changed. */
    private static void section(StringBuilder body, ChangePlan plan, Provenance provenance) {
        body.append("Promotes **").append(plan.app().name()).append("** to **").append(plan.environment().name())
                .append("** (").append(UntrustedText.code(plan.labelBefore())).append(" → ")
                .append(UntrustedText.code(plan.labelAfter())).append(").\n\n");
        body.append("| | |\n|---|---|\n");
        body.append("| Image | `").append(plan.update().targetName().name()).append("` |\n");
        plan.update().tag().ifPresent(t -> body.append("| Tag | `").append(t).append("` |\n"));
        plan.update().digest().ifPresent(d -> body.append("| Digest | `").append(d).append("` |\n"));
        provenance.from().ifPresent(f -> body.append("| From | the version `").append(f).append("` has |\n"));
        provenance.buildUrl().ifPresent(u -> body.append("| Build | ").append(UntrustedText.url(u)).append(" |\n"));
        provenance.sourceCommit().ifPresent(c -> body.append("| Source commit | ").append(provenance.sourceUrl()
                .map(u -> UntrustedText.link(UntrustedText.code(c), u)).orElse(UntrustedText.code(c))).append(" |\n"));
        if (provenance.sourceCommit().isEmpty()) {
            provenance.sourceUrl().ifPresent(u -> body.append("| Source | ").append(UntrustedText.url(u)).append(" |\n"));
        }
        provenance.promotedBy().ifPresent(p -> body.append("| Promoted by | ").append(UntrustedText.code(p)).append(" |\n"));
        body.append("\nChanges:\n");
        for (FileChange file : plan.changedFiles()) {
            body.append("- ").append(UntrustedText.code(file.path())).append('\n');
            for (ValueChange change : file.changes()) {
                body.append("  - line ").append(change.line()).append(": ").append(UntrustedText.code(change.what())).append(' ')
                        .append(change.oldValue() == null ? "(added)" : UntrustedText.code(change.oldValue())).append(" → ")
                        .append(change.newValue() == null ? "(removed)" : UntrustedText.code(change.newValue())).append('\n');
            }
        }
    }

    /**
     * Whether a pull request's description is one this tool wrote: it holds the machine-readable block; or, where the
     * provider shows HTML comments as text (so the block is left out of every body), the sentence every body ends with.
     * Nothing else is ever closed.
     *
     * @param hidesHtmlComments whether the provider renders HTML comments invisibly, so that bodies carry the block
     */
    public static boolean openedByUs(String body, boolean hidesHtmlComments) {
        return hidesHtmlComments ? read(body).isPresent() : body != null && body.contains(SIGNATURE);
    }

    /** The machine-readable block of a body, if it has one. */
    public static Optional<JsonNode> read(String body) {
        Matcher m = BLOCK.matcher(body == null ? "" : body);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(m.group(1)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String block(ChangePlan plan, Provenance provenance) {
        return escape(blockNode(plan, provenance).toString());
    }

    /** "-->" inside the comment would end it early; JSON allows escaping the '>'. */
    private static String escape(String json) {
        return json.replace("-->", "--\\u003e");
    }

    private static ObjectNode blockNode(ChangePlan plan, Provenance provenance) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("app", plan.app().name());
        node.put("env", plan.environment().name());
        node.put("image", plan.update().image().name());
        node.put("imageName", plan.update().newName().map(ImageReference::name).orElse(null));
        node.put("tag", plan.update().tag().orElse(null));
        node.put("digest", plan.update().digest().map(Object::toString).orElse(null));
        node.put("from", provenance.from().orElse(null));
        node.put("buildUrl", provenance.buildUrl().orElse(null));
        node.put("sourceCommit", provenance.sourceCommit().orElse(null));
        node.put("sourceUrl", provenance.sourceUrl().orElse(null));
        node.put("promotedBy", provenance.promotedBy().orElse(null));
        plan.changedFiles().forEach(f -> node.withArray("files").add(f.path()));
        return node;
    }
}
