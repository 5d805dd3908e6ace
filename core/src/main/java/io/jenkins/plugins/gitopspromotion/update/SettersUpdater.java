package io.jenkins.plugins.gitopspromotion.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.image.WrittenReference;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlScalars;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Updates values marked for Flux image automation, {@code image: ghcr.io/acme/web:1.0 # {"$imagepolicy":
 * "flux-system:web"}}: a marker without suffix holds a whole reference, {@code :tag} a tag, {@code :digest}
 * a digest and {@code :name} a name (changed only when the update renames the image). The markers of the app's
 * policy are updated: the one named in the config, or else every policy whose marked reference or {@code :name}
 * names the app's image under one of its names.
 */
public final class SettersUpdater extends YamlImageUpdater {

    private static final Pattern TRAILING_COMMENT = Pattern.compile("[ \\t]+#[ \\t]*(\\{.*\\})[ \\t]*");
    private final Optional<String> policy;

    /**
     * @param policy the app's image policy as {@code namespace:name}, when the config names it
     */
    public SettersUpdater(Optional<String> policy, YamlLimits limits) {
        super(limits);
        this.policy = policy;
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.SETTERS;
    }

    /** One marked value: the scalar, its policy ({@code ns:name}) and the marker's suffix (may be empty). */
    private record Marker(ScalarNode node, String policy, String suffix) {
        String where() {
            return "$imagepolicy " + policy + (suffix.isEmpty() ? "" : ":" + suffix);
        }

        /** The reference a whole-reference or {@code :name} marker holds, as written; empty for other markers. */
        Optional<WrittenReference> written() {
            if (suffix.isEmpty()) {
                return WrittenReference.parse(node.getValue());
            }
            try {
                return suffix.equals("name") ? Optional.of(new WrittenReference(ImageReference.parseName(node.getValue()),
                        Optional.empty(), Optional.empty())) : Optional.empty();
            } catch (InvalidImageReferenceException e) {
                return Optional.empty();
            }
        }

        /** The image name a whole-reference or {@code :name} marker holds. */
        Optional<ImageReference> name() {
            return written().map(WrittenReference::name);
        }
    }

    @Override
    List<ImageVersion> read(YamlFile file, ImageNames names) {
        List<ImageVersion> versions = new ArrayList<>();
        String path = file.source().path();
        for (List<Marker> markers : policiesOf(markers(file), names).values()) {
            Optional<WrittenReference> whole = Optional.empty();
            for (Marker m : markers) {
                if (m.suffix().isEmpty()) {
                    m.written().ifPresent(w -> versions.add(ImageVersion.written(path, file.line(m.node()), m.where(),
                            w.tag(), w.digest()).named(Optional.of(w.name()))));
                    whole = whole.or(m::written);
                }
            }
            Optional<Marker> first = markers.stream().filter(m -> m.suffix().equals("tag") || m.suffix().equals("digest"))
                    .findFirst();
            if (first.isPresent()) {
                // A :tag or :digest marker holds that part only; the policy's whole reference holds the other.
                Optional<WrittenReference> rest = whole;
                versions.add(ImageVersion.written(path, file.line(first.get().node()), "$imagepolicy " + first.get().policy(),
                        held(markers, "tag").orElseGet(() -> rest.flatMap(WrittenReference::tag)),
                        held(markers, "digest").orElseGet(() -> rest.flatMap(WrittenReference::digest)))
                        .named(markers.stream().filter(m -> m.suffix().equals("name")).findFirst().flatMap(Marker::name)
                                .or(() -> rest.map(WrittenReference::name))));
            }
        }
        return versions;
    }

    /** The value of the first marker with a suffix, when there is one: empty inside when it holds nothing. */
    private static Optional<Optional<String>> held(List<Marker> markers, String suffix) {
        return markers.stream().filter(m -> m.suffix().equals(suffix)).findFirst()
                .map(m -> Optional.of(m.node().getValue()).filter(v -> !v.isEmpty()));
    }

    /**
     * What every policy's markers can hold: a policy without a place for the digest (no whole reference, no
     * {@code :digest}) takes the tag alone, one without a place for the tag (no whole reference, no {@code :tag})
     * the digest alone; one with a {@code :name} marker only is refused, as it could take nothing.
     */
    @Override
    ImageUpdate expressible(YamlFile file, ImageUpdate update) {
        Map<String, List<Marker>> policies = policiesOf(markers(file), update.names());
        for (List<Marker> markers : policies.values()) {
            if (!holds(markers, "tag") && !holds(markers, "digest")) {
                throw file.problem(markers.get(0).node(), "refused: the markers of $imagepolicy " + markers.get(0).policy()
                        + " hold a name only (:name), no tag, digest or whole reference to promote into");
            }
        }
        boolean noDigestPlace = policies.values().stream().anyMatch(ms -> !holds(ms, "digest"));
        boolean noTagPlace = policies.values().stream().anyMatch(ms -> !holds(ms, "tag"));
        ImageUpdate result = update;
        if (result.digest().isPresent() && noDigestPlace) {
            if (result.tag().isEmpty()) {
                throw file.problem("refused: a digest was given but the markers for " + update.image().name()
                        + " hold a tag (:tag) and no digest (:digest); promote with a tag");
            }
            result = result.withVersion(result.tag(), Optional.empty());
        }
        if (result.tag().isPresent() && result.digest().isPresent() && noTagPlace) {
            result = result.withVersion(Optional.empty(), result.digest());
        }
        return result;
    }

    /** Whether a policy's markers have a place for a tag or digest: a whole reference, or a marker with the suffix. */
    private static boolean holds(List<Marker> markers, String suffix) {
        return markers.stream().anyMatch(m -> m.suffix().isEmpty() || m.suffix().equals(suffix));
    }

    @Override
    List<PlannedEdit> plan(YamlFile file, ImageUpdate update) {
        List<Marker> all = markers(file);
        Map<String, List<Marker>> policies = policiesOf(all, update.names());
        if (policies.isEmpty()) {
            Set<String> seen = new TreeSet<>();
            all.forEach(m -> seen.add(m.policy()));
            throw file.problem("no Flux image policy marker for " + update.names() + policy.map(p -> " (policy " + p + ")").orElse("")
                    + " in this file" + (seen.isEmpty() ? "" : " (markers found for: " + String.join(", ", seen) + ")"));
        }
        List<PlannedEdit> edits = new ArrayList<>();
        for (List<Marker> markers : policies.values()) {
            if (!holds(markers, "name")) {
                refuseRenameWithoutName(file, markers.get(0).node(), update, "the markers of $imagepolicy " + markers.get(0).policy()
                        + " (none holds a whole reference or :name)");
            }
            for (Marker m : markers) {
                String old = m.node().getValue();
                String value = switch (m.suffix()) {
                    case "" -> update.referenceNamed(name(file, m, update, update.image().name())).toString();
                    case "tag" -> update.tag().orElseThrow(() -> file.problem(m.node(),
                            "refused: " + m.where() + " holds a tag but only a digest was given"));
                    case "digest" -> update.digest().map(Digest::toString).orElseThrow(() -> file.problem(m.node(),
                            "refused: " + m.where() + " pins a digest but none was given; promote with --digest"));
                    default -> name(file, m, update, old);
                };
                if (!value.equals(old)) {
                    edits.add(new PlannedEdit(YamlScalars.replace(file, m.node(), value, m.where()),
                            new ValueChange(file.line(m.node()), m.where(), old, value)));
                }
            }
        }
        return edits;
    }

    /**
     * The name a whole-reference or {@code :name} marker holds after the update: its own unless the update renames
     * it; one that is no valid name takes the new name, else {@code otherwise}.
     */
    private static String name(YamlFile file, Marker marker, ImageUpdate update, String otherwise) {
        Optional<ImageReference> written = marker.name();
        if (written.isEmpty()) {
            return update.newName().map(ImageReference::name).orElse(otherwise);
        }
        return renamed(file, marker.node(), update, written.get(), marker.where()).orElse(written.get().name());
    }

    /** The markers grouped by policy, keeping only the policies that belong to the image. */
    private Map<String, List<Marker>> policiesOf(List<Marker> markers, ImageNames names) {
        Map<String, List<Marker>> byPolicy = new LinkedHashMap<>();
        for (Marker m : markers) {
            byPolicy.computeIfAbsent(m.policy(), k -> new ArrayList<>()).add(m);
        }
        if (policy.isPresent()) {
            byPolicy.keySet().retainAll(Set.of(policy.get()));
            return byPolicy;
        }
        byPolicy.values().removeIf(ms -> ms.stream().noneMatch(m -> (m.suffix().isEmpty() || m.suffix().equals("name"))
                && m.name().filter(names::names).isPresent()));
        return byPolicy;
    }

    private static List<Marker> markers(YamlFile file) {
        List<Marker> found = new ArrayList<>();
        Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node document : file.documents()) {
            collect(file, document, found, visited);
        }
        return found;
    }

    private static void collect(YamlFile file, Node node, List<Marker> found, Set<Node> visited) {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof ScalarNode scalar) {
            marker(file, scalar).ifPresent(found::add);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                collect(file, tuple.getValueNode(), found, visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                collect(file, item, found, visited);
            }
        }
    }

    /** The marker in the comment that follows a scalar on its line, if any. */
    private static Optional<Marker> marker(YamlFile file, ScalarNode scalar) {
        String text = file.source().text();
        int end = file.end(scalar);
        int lineEnd = text.indexOf('\n', end);
        String rest = text.substring(end, lineEnd < 0 ? text.length() : lineEnd);
        Matcher m = TRAILING_COMMENT.matcher(rest.endsWith("\r") ? rest.substring(0, rest.length() - 1) : rest);
        if (!m.matches() || !m.group(1).contains("\"$imagepolicy\"")) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(m.group(1));
        } catch (JsonProcessingException e) {
            throw file.problem(scalar, "malformed $imagepolicy marker " + m.group(1) + ": it must be JSON, "
                    + "e.g. {\"$imagepolicy\": \"flux-system:web\"}");
        }
        JsonNode value = json.get("$imagepolicy");
        String[] parts = value != null && value.isTextual() ? value.asText().split(":", -1) : new String[0];
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
                || parts.length == 3 && !List.of("tag", "name", "digest").contains(parts[2])) {
            throw file.problem(scalar, "malformed $imagepolicy marker " + m.group(1)
                    + ": the value must be \"namespace:name\", optionally with :tag, :name or :digest");
        }
        return Optional.of(new Marker(scalar, parts[0] + ":" + parts[1], parts.length == 3 ? parts[2] : ""));
    }
}
