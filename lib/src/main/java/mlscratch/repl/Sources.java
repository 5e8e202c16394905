package mlscratch.repl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/// Where the library's classes, sources and tutorials are, found from where this class was loaded:
/// `<project>/target/classes` in a checkout (sources in `<project>/lib/src/main/java`), or a jar with its
/// `-sources.jar` beside it. The system property `mlscratch.sources` overrides the source root.
final class Sources {
    private Sources() {}

    private static final String SOURCE_DIR = "lib/src/main/java";

    /// The directory or jar this library's classes were loaded from.
    static Optional<Path> classesLocation() {
        try {
            var source = Sources.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /// The checkout this library was built in: the nearest ancestor of the classes holding `lib/src/main/java`.
    static Optional<Path> projectRoot() {
        Path p = classesLocation().orElse(null);
        for (int up = 0; p != null && up < 5; up++, p = p.getParent()) {
            if (Files.isDirectory(p.resolve(SOURCE_DIR).resolve("mlscratch"))) return Optional.of(p);
        }
        return Optional.empty();
    }

    /// The root of the library's `.java` files: a directory, or the root of the `-sources.jar`.
    static Optional<Path> sourceRoot() {
        String override = System.getProperty("mlscratch.sources");
        if (override != null && Files.isDirectory(Path.of(override))) return Optional.of(Path.of(override));
        var root = projectRoot();
        if (root.isPresent()) return Optional.of(root.get().resolve(SOURCE_DIR));
        var jar = classesLocation().filter(Files::isRegularFile).orElse(null);
        if (jar == null) return Optional.empty();
        Path sourcesJar = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "-sources.jar"));
        if (!Files.isRegularFile(sourcesJar)) return Optional.empty();
        try {
            return Optional.of(FileSystems.newFileSystem(sourcesJar, Map.of()).getRootDirectories().iterator().next());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /// The `.java` source of `type`'s top-level class: from the class path first, then from [#sourceRoot()].
    static Optional<String> source(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        String path = top.getName().replace('.', '/') + ".java";
        try (InputStream in = top.getResourceAsStream("/" + path)) {
            if (in != null) return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // fall through to the source root
        }
        var root = sourceRoot();
        if (root.isEmpty()) return Optional.empty();
        Path file = root.get().resolve(path);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /// Binary names of every class file of the library (`mlscratch.linalg.Matrix`, nested ones with `$`).
    static List<String> classNames() {
        var names = new ArrayList<String>();
        Path location = classesLocation().orElse(null);
        if (location == null) return names;
        try {
            if (Files.isDirectory(location)) {
                try (var files = Files.walk(location.resolve("mlscratch"))) {
                    files.filter(f -> f.toString().endsWith(".class"))
                         .forEach(f -> names.add(binaryName(location.relativize(f).toString().replace('\\', '/'))));
                }
            } else {
                try (var jar = new JarFile(location.toFile())) {
                    jar.stream().map(e -> e.getName())
                       .filter(n -> n.startsWith("mlscratch/") && n.endsWith(".class"))
                       .forEach(n -> names.add(binaryName(n)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable location lists nothing
        }
        names.sort(null);
        return names;
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }
}
