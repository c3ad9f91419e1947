package com.starcert.outlet.imports;

import java.util.Locale;
import java.util.Optional;

/** The file formats a bulk import takes, recognised by media type or, for an upload, by file name. */
public enum ImportFormat {
    CSV("text/csv", ".csv"),
    NDJSON("application/x-ndjson", ".ndjson");

    private final String mediaType;
    private final String extension;

    ImportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** From a Content-Type ({@code text/csv; charset=UTF-8}) or a file name; NDJSON also as .jsonl. */
    public static Optional<ImportFormat> of(String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return Optional.of(CSV);
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
            return Optional.of(NDJSON);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(CSV.extension)) {
            return Optional.of(CSV);
        }
        if (name.endsWith(NDJSON.extension) || name.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        return Optional.empty();
    }
}
