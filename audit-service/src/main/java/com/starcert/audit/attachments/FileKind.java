package com.starcert.audit.attachments;

import java.util.Optional;

/**
 * The evidence files accepted, recognised by their first bytes (magic numbers): a declared content type is not
 * trusted on its own.
 */
public enum FileKind {
    JPEG("image/jpeg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("image/png", new int[] {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", new int[] {0x25, 0x50, 0x44, 0x46, 0x2D}); // %PDF-

    private final String contentType;
    private final int[] magic;

    FileKind(String contentType, int[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<FileKind> detect(byte[] head) {
        for (FileKind kind : values()) {
            if (kind.matches(head)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a declared content type is compatible with the detected kind: the same type (parameters ignored),
     * or no useful declaration at all.
     */
    public boolean agreesWith(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String type = declared.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals(contentType) || type.equals("application/octet-stream")
                || (this == JPEG && type.equals("image/jpg"));
    }

    private boolean matches(byte[] head) {
        if (head == null || head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
