package io.jenkins.plugins.gitopspromotion.config;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RepoTree} over a folder, such as a working copy or a test fixture.
 *
 * <p>A config repository is untrusted input, so a symbolic link never leads out of the root: a link to a file
 * inside the root is read and listed, a link that resolves outside it is neither. Linked folders are not
 * descended into when listing (that could loop), as Git itself stores a link rather than its target. The
 * {@code .git} folders (and files, in worktrees and submodules) are skipped at any depth.
 */
public final class DirectoryRepoTree implements RepoTree {

    private static final String GIT = ".git";

    private final Path root;
    private final Path realRoot;

    /**
     * @param root the repository's top folder
     * @throws IOException if the folder does not exist or cannot be resolved
     */
    public DirectoryRepoTree(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new IOException("not a folder: " + root);
        }
    }

    @Override
    public Optional<byte[]> read(String path, int maxBytes) throws IOException {
        checkPath(path);
        if (List.of(path.split("/")).contains(GIT)) {
            return Optional.empty();
        }
        Path file = realRoot.resolve(path);
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
            return Optional.empty();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(real)) {
            if (channel.size() > maxBytes) {
                throw new FileTooLargeException(path, channel.size(), maxBytes);
            }
            // Read no more than the limit allows, even if the file grows meanwhile.
            byte[] content = Channels.newInputStream(channel).readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1L));
            if (content.length > maxBytes) {
                throw new FileTooLargeException(path, channel.size(), maxBytes);
            }
            return Optional.of(content);
        }
    }

    @Override
    public Entry entry(String path) throws IOException {
        checkPath(path);
        if (List.of(path.split("/")).contains(GIT)) {
            return Entry.NONE;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(realRoot.resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Entry.NONE;
        }
        if (attributes.isSymbolicLink()) {
            return Entry.SYMBOLIC_LINK;
        }
        if (attributes.isDirectory()) {
            // A submodule's checkout is a folder with a .git of its own (a file, or a folder in older Git).
            return Files.exists(realRoot.resolve(path).resolve(GIT), LinkOption.NOFOLLOW_LINKS) ? Entry.SUBMODULE : Entry.FOLDER;
        }
        return attributes.isRegularFile() ? Entry.FILE : Entry.OTHER;
    }

    /** Refuses paths that are not plain relative paths: they would be a caller's bug or an attack. */
    private static void checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0
                || path.indexOf('\0') >= 0 || (path.length() > 1 && path.charAt(1) == ':')) {
            throw new IllegalArgumentException("not a relative path in the repository: " + Names.quote(path));
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a relative path in the repository: " + Names.quote(path));
            }
        }
    }

    @Override
    public List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(realRoot) && GIT.equals(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = relative(file);
                if (file.getFileName().toString().equals(GIT)) {
                    return FileVisitResult.CONTINUE; // a worktree's or submodule's .git file
                }
                if (attrs.isRegularFile() || (attrs.isSymbolicLink() && linksToFileInside(file))) {
                    files.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        Collections.sort(files);
        return Collections.unmodifiableList(files);
    }

    private boolean linksToFileInside(Path link) {
        try {
            Path real = link.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false; // a dangling link is not a file
        }
    }

    private String relative(Path file) {
        StringBuilder out = new StringBuilder();
        for (Path part : realRoot.relativize(file)) {
            out.append(out.length() == 0 ? "" : "/").append(part);
        }
        return out.toString();
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    @Override
    public String toString() {
        return describe();
    }
}
