package io.jenkins.plugins.gitopspromotion.build;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Passes lines on and keeps the last few, for the message when a builder fails. Not thread-safe. */
final class OutputTail implements Consumer<String> {

    /** How many of a builder's last lines an error message quotes. */
    static final int LINES = 20;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Consumer<String> next;

    OutputTail(Consumer<String> next) {
        this.next = next;
    }

    @Override
    public void accept(String line) {
        next.accept(line);
        if (lines.size() == LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The lines kept so far, oldest first. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets the lines of a command that succeeded. */
    void clear() {
        lines.clear();
    }
}
