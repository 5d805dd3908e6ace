package io.jenkins.plugins.gitopspromotion.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML file parsed into SnakeYAML Engine node trees (one per document) that keep their exact positions in
 * the original text, so that an editor can find a value and splice new text into the original without
 * re-serialising anything.
 *
 * <p>Parsing refuses what cannot be edited or trusted: invalid YAML, duplicate keys (tools disagree on which
 * one wins), recursive aliases, alias bombs and excessive nesting (bounded by {@link YamlLimits}).
 */
public final class YamlFile {

    private final YamlText source;
    private final List<Node> documents;
    private final Map<Node, String> enclosingAnchor;
    private int[] charOffsets;

    private YamlFile(YamlText source, List<Node> documents) {
        this.source = source;
        this.documents = documents;
        this.enclosingAnchor = new IdentityHashMap<>();
    }

    /**
     * Decodes and parses a file.
     *
     * @param path the file's path in the repository, for messages
     * @throws YamlEditException if the file cannot be decoded, parsed, or is refused by a limit or rule
     */
    public static YamlFile parse(String path, byte[] bytes, YamlLimits limits) {
        return parse(YamlText.decode(path, bytes, limits), limits);
    }

    /**
     * Parses already decoded text.
     *
     * @throws YamlEditException if the text is not valid YAML or is refused by a limit or rule
     */
    public static YamlFile parse(YamlText source, YamlLimits limits) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source.path())
                .setCodePointLimit(Math.max(limits.maxBytes(), 1))
                // The reader copies what it has not consumed yet each time it refills its buffer: with the default
                // 1 KiB a long line or scalar cost time quadratic in its length (seconds for a few MiB). One buffer
                // of the whole text is filled once; the text is in memory already anyway.
                .setBufferSize(source.text().length() + 1)
                .setMaxAliasesForCollections(limits.maxAliasesForCollections())
                .setAllowRecursiveKeys(false)
                .build();
        List<Node> documents = new ArrayList<>();
        try {
            Parser parser = new BoundedParser(new ParserImpl(settings, new StreamReader(settings, source.text())), limits, source);
            Composer composer = new Composer(settings, parser);
            while (composer.hasNext()) {
                documents.add(composer.next());
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            throw new YamlEditException(source.path(), line, "not valid YAML: " + oneLine(e.getProblem()) + templateHint(source));
        } catch (YamlEngineException e) {
            String message = oneLine(e.getMessage());
            boolean limit = message.contains("aliases") || message.contains("limit") || message.contains("Recursive");
            throw new YamlEditException(source.path(), 0, (limit ? "refused: " : "not valid YAML: ") + message
                    + (limit ? "" : templateHint(source)));
        } catch (StackOverflowError e) {
            throw new YamlEditException(source.path(), 0, "refused: nesting too deep to parse safely");
        }
        YamlFile file = new YamlFile(source, Collections.unmodifiableList(documents));
        for (Node document : documents) {
            file.checkTree(document, null, Collections.newSetFromMap(new IdentityHashMap<>()),
                    Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return file;
    }

    /** The decoded text of the file. */
    public YamlText source() {
        return source;
    }

    /** The root node of each document, in order. An empty file has none. */
    public List<Node> documents() {
        return documents;
    }

    /** The {@code char} offset in {@link YamlText#text()} where a node starts, including its properties. */
    public int start(Node node) {
        return offset(node.getStartMark().orElseThrow());
    }

    /** The {@code char} offset one past the node's last character. */
    public int end(Node node) {
        return offset(node.getEndMark().orElseThrow());
    }

    /** The 1-based line a node starts on. */
    public int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** The 0-based column a node starts at, counted in code points as YAML counts indentation. */
    public int column(Node node) {
        return node.getStartMark().map(Mark::getColumn).orElse(0);
    }

    /**
     * The anchor ({@code &name}) the node carries or lies inside, if any. Editing such a node would silently
     * change every alias of it, so editors refuse.
     */
    public Optional<String> anchorAround(Node node) {
        return node.getAnchor().map(Anchor::getValue).or(() -> Optional.ofNullable(enclosingAnchor.get(node)));
    }

    /** A problem at a node, as an exception naming the file and the node's line. */
    public YamlEditException problem(Node node, String problem) {
        return new YamlEditException(source.path(), line(node), problem);
    }

    /** A problem with the whole file. */
    public YamlEditException problem(String problem) {
        return new YamlEditException(source.path(), 0, problem);
    }

    /** SnakeYAML counts positions in code points; Java strings in UTF-16 units. */
    private int offset(Mark mark) {
        int index = mark.getIndex();
        if (charOffsets == null) {
            String text = source.text();
            if (text.length() == text.codePointCount(0, text.length())) {
                charOffsets = new int[0];
            } else {
                charOffsets = new int[text.codePointCount(0, text.length()) + 1];
                int cp = 0;
                for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                    charOffsets[cp++] = i;
                }
                charOffsets[cp] = text.length();
            }
        }
        return charOffsets.length == 0 ? index : charOffsets[index];
    }

    /**
     * Checks keys and aliases once per node: an aliased subtree is visited only the first time, so chains of
     * aliases cannot make this walk exponential.
     */
    private void checkTree(Node node, String inAnchor, Set<Node> path, Set<Node> visited) {
        if (!path.add(node)) {
            throw problem(node, "refused: recursive alias (a node that contains an alias of itself)");
        }
        if (!visited.add(node)) {
            path.remove(node);
            return;
        }
        String anchored = node.getAnchor().map(Anchor::getValue).orElse(inAnchor);
        if (anchored != null) {
            enclosingAnchor.put(node, anchored);
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    Node first = seen.putIfAbsent(key.getValue(), key);
                    if (first != null) {
                        throw problem(key, "duplicate key '" + key.getValue() + "' (first at line " + line(first)
                                + "); tools disagree on which one wins, so the file cannot be edited safely");
                    }
                }
                checkTree(tuple.getKeyNode(), anchored, path, visited);
                checkTree(tuple.getValueNode(), anchored, path, visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                checkTree(item, anchored, path, visited);
            }
        }
        path.remove(node);
    }

    /** Helm and other templates are text, not YAML: say so rather than leave the user with a parser error. */
    private static String templateHint(YamlText source) {
        return source.text().contains("{{") ? " (the file holds a template expression '{{ … }}'; templates cannot be"
                + " edited safely, promote into the values they read instead)" : "";
    }

    private static String oneLine(String message) {
        return message == null ? "unknown problem" : message.replaceAll("\\s+", " ").trim();
    }

    /**
     * Refuses nesting deeper than the limit before the recursive composer can overflow the stack, and more nodes
     * than the limit before they are built.
     */
    private static final class BoundedParser implements Parser {
        private final Parser delegate;
        private final int maxDepth;
        private final int maxNodes;
        private final YamlText source;
        private int depth;
        private int nodes;

        BoundedParser(Parser delegate, YamlLimits limits, YamlText source) {
            this.delegate = delegate;
            this.maxDepth = limits.maxDepth();
            this.maxNodes = limits.maxNodes();
            this.source = source;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return delegate.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Event next() {
            Event event = delegate.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    countNode(event);
                    if (++depth > maxDepth) {
                        throw new YamlEditException(source.path(), line(event),
                                "refused: nesting deeper than " + maxDepth + " levels");
                    }
                }
                case Scalar, Alias -> countNode(event);
                case MappingEnd, SequenceEnd -> depth--;
                default -> { }
            }
            return event;
        }

        private void countNode(Event event) {
            if (++nodes > maxNodes) {
                throw new YamlEditException(source.path(), line(event), "refused: more than " + maxNodes
                        + " nodes (values, mappings, lists) in one file, more than parsing it safely allows");
            }
        }

        private static int line(Event event) {
            return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        }
    }

    /** The first merge key ({@code <<}) of the file, in document order, if it has one. */
    public Optional<Node> firstMergeKey() {
        for (Node document : documents) {
            Optional<Node> found = mergeKeyIn(document, Collections.newSetFromMap(new IdentityHashMap<>()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> mergeKeyIn(Node node, Set<Node> visited) {
        if (!visited.add(node)) {
            return Optional.empty();
        }
        List<Node> children = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (isMergeKey(tuple.getKeyNode())) {
                    return Optional.of(tuple.getKeyNode());
                }
                children.add(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            children.addAll(sequence.getValue());
        }
        for (Node child : children) {
            Optional<Node> found = mergeKeyIn(child, visited);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether a mapping has a merge key ({@code <<}), whose merged entries an editor must not guess at. */
    static boolean hasMergeKey(MappingNode mapping) {
        return mapping.getValue().stream().anyMatch(t -> isMergeKey(t.getKeyNode()));
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode k && "<<".equals(k.getValue()) && k.isPlain();
    }

    /** The value of a scalar node, or empty for any other node. */
    public static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }
}
