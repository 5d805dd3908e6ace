package io.jenkins.plugins.gitopspromotion.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One app across the environments.
 *
 * @param app the app's name
 * @param cells one per environment, in promotion order
 * @param parity whether its environments differ in anything but the version
 */
@JsonPropertyOrder({"app", "cells", "parity"})
public record AppRow(String app, List<ViewCell> cells, Parity parity) {

    /**
     * What differs between an app's environments beyond the image version.
     *
     * @param ok whether nothing does
     * @param drift the drift check's findings (the same check {@code audit} runs), naming files and key paths
     * @param unpromoted downstream environments running a version their upstream environment has not had
     */
    @JsonPropertyOrder({"ok", "drift", "unpromoted"})
    public record Parity(boolean ok, List<String> drift, List<String> unpromoted) {
        /** Parity from its findings. */
        public Parity(List<String> drift, List<String> unpromoted) {
            this(drift.isEmpty() && unpromoted.isEmpty(), List.copyOf(drift), List.copyOf(unpromoted));
        }
    }
}
