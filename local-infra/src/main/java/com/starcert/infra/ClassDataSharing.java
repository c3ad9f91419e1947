package com.starcert.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an application from its extracted layout with a class-data-sharing archive (AppCDS), which on two shared
 * cores cuts the start-up CPU of each JVM by about a third (the classes come mapped from the archive instead of
 * being read, parsed and verified again). The archive is written by the first run that has none: that run records
 * the classes it loaded and dumps them when it exits normally ({@code -XX:ArchiveClassesAtExit}); every later run
 * maps them ({@code -XX:SharedArchiveFile}). A new build of the jar starts over. A JVM that cannot use an archive
 * (another Java version) ignores it and starts as usual. {@code STARCERT_CDS=false} turns it off.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

    private ClassDataSharing() {
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getenv().getOrDefault("STARCERT_CDS", "true"));
    }

    /** How one instance is started: the jar to run and the JVM options for its archive. */
    record Launch(Path jar, List<String> options, Path pendingArchive, Path archive) {
    }

    /**
     * The launch of {@code jar} (a Spring Boot executable jar) for one instance; only the first instance of an
     * application ({@code recorder}) writes a missing archive.
     */
    static Launch of(String java, Path jar, boolean recorder) {
        Path dir = jar.resolveSibling("cds");
        Path extracted = dir.resolve(jar.getFileName());
        Path archive = dir.resolve("app.jsa");
        try {
            if (!Files.isRegularFile(extracted)
                    || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                extract(java, jar, dir);
            }
            if (Files.isRegularFile(archive)) {
                return new Launch(extracted, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"), null, archive);
            }
            if (!recorder) {
                return new Launch(extracted, List.of(), null, archive);
            }
            Path pending = dir.resolve("app.jsa." + ProcessHandle.current().pid() + "." + System.nanoTime());
            return new Launch(extracted, List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"), pending, archive);
        } catch (IOException e) {
            log.warn("class data sharing off for {}: {}", jar.getFileName(), e.toString());
            return new Launch(jar, List.of(), null, null);
        }
    }

    /** After the instance exited: an archive it dumped becomes the application's (when none appeared meanwhile). */
    static void adopt(Launch launch, int exitCode) {
        if (launch.pendingArchive() == null || !Files.isRegularFile(launch.pendingArchive())) {
            return;
        }
        try {
            // 143: stopped by SIGTERM, which a Spring Boot application answers by shutting down normally
            if ((exitCode == 0 || exitCode == 143) && !Files.exists(launch.archive())) {
                Files.move(launch.pendingArchive(), launch.archive(), StandardCopyOption.ATOMIC_MOVE);
                log.info("class data sharing archive written: {}", launch.archive());
            } else {
                Files.deleteIfExists(launch.pendingArchive());
            }
        } catch (IOException e) {
            log.warn("could not keep the class data sharing archive {}: {}", launch.pendingArchive(), e.toString());
        }
    }

    /** Spring Boot's extracted layout (the application jar with its libraries beside it), without the archive. */
    private static void extract(String java, Path jar, Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("extracting " + jar + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar, e);
        }
        Path extracted = dir.resolve(jar.getFileName());
        if (!Files.isRegularFile(extracted)) {
            throw new IOException("extracting " + jar + " left no " + extracted);
        }
        // the extracted jar is as new as the build it came from
        Files.setLastModifiedTime(extracted, Files.getLastModifiedTime(jar));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
