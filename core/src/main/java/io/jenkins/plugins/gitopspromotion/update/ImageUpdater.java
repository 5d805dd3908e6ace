package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import java.util.List;

/**
 * Reads and changes the version of one app's image in one file of a config repository, leaving every byte
 * outside the changed values exactly as it was. One implementation per update kind (see {@link UpdateKind}).
 */
public interface ImageUpdater {

    /** The update kind this updater implements. */
    UpdateKind kind();

    /**
     * The places in a file that reference the image under any of its names, with the version each holds.
     *
     * @param path the file's path in the repository, for messages
     * @param content the file's bytes
     * @param names the names the app's image goes by
     * @return the references found, in file order; empty when the file does not reference the image
     * @throws YamlEditException if the file cannot be read safely
     */
    List<ImageVersion> read(String path, byte[] content, ImageNames names);

    /**
     * The places in a file that reference an image known by one name only.
     *
     * @see #read(String, byte[], ImageNames)
     */
    default List<ImageVersion> read(String path, byte[] content, ImageReference image) {
        return read(path, content, ImageNames.of(image));
    }

    /**
     * Sets the image's version in a file.
     *
     * @param path the file's path in the repository, for messages
     * @param content the file's bytes
     * @param update the version to set
     * @return the change; unchanged when the file already held that version
     * @throws YamlEditException if the file cannot be edited safely or does not reference the image; nothing
     *     is changed then
     */
    FileChange apply(String path, byte[] content, ImageUpdate update);
}
