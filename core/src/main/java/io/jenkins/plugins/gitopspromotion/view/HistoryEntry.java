package io.jenkins.plugins.gitopspromotion.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One version a cell had ({@code GET api/history}), newest first.
 *
 * @param tag its tag, or null
 * @param digest its digest, or null
 * @param label the version as people read it
 * @param setBy the commit that set it (the oldest of the run of commits that had it)
 * @param current whether the cell has it now
 */
@JsonPropertyOrder({"tag", "digest", "label", "setBy", "current"})
public record HistoryEntry(String tag, String digest, String label, CommitInfo setBy, boolean current) {
}
