package io.jenkins.plugins.gitopspromotion.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * How a file indents its block collections, read from the file itself so that added entries look as if
 * the file's author wrote them: the mapping indentation step, and whether a block sequence under a key is
 * indented ({@code key:\n  - a}) or not ({@code key:\n- a}, as {@code kustomize edit} writes).
 *
 * @param mappingStep columns a nested mapping is indented by
 * @param sequenceOffset columns a sequence's dash is indented from its parent key (0 for indentless)
 */
public record YamlLayout(int mappingStep, int sequenceOffset) {

    /** What kustomize itself writes, used when a file shows no nested block collection at all. */
    public static final YamlLayout KUSTOMIZE = new YamlLayout(2, 0);

    /** Reads the first nested block mapping and block sequence found in the file's documents. */
    public static YamlLayout of(YamlFile file, YamlLayout fallback) {
        Integer step = null;
        Integer offset = null;
        Deque<Node> todo = new ArrayDeque<>(file.documents());
        while (!todo.isEmpty() && (step == null || offset == null)) {
            Node node = todo.pop();
            if (node instanceof MappingNode mapping && mapping.getFlowStyle() == FlowStyle.BLOCK) {
                for (NodeTuple tuple : mapping.getValue()) {
                    Node value = tuple.getValueNode();
                    int keyColumn = file.column(tuple.getKeyNode());
                    if (value instanceof MappingNode child && child.getFlowStyle() == FlowStyle.BLOCK
                            && !child.getValue().isEmpty() && step == null
                            && file.line(child) > file.line(tuple.getKeyNode())) {
                        step = file.column(child.getValue().get(0).getKeyNode()) - keyColumn;
                    } else if (value instanceof SequenceNode child && child.getFlowStyle() == FlowStyle.BLOCK
                            && !child.getValue().isEmpty() && offset == null) {
                        offset = file.column(child) - keyColumn;
                    }
                    todo.add(value);
                }
            } else if (node instanceof SequenceNode sequence) {
                todo.addAll(sequence.getValue());
            }
        }
        return new YamlLayout(step != null && step > 0 ? step : fallback.mappingStep(),
                offset != null && offset >= 0 ? offset : fallback.sequenceOffset());
    }
}
