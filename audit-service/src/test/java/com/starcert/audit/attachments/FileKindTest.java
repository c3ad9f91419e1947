package com.starcert.audit.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileKindTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};
    static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void recognisesFilesByTheirFirstBytes() {
        assertThat(FileKind.detect(JPEG)).contains(FileKind.JPEG);
        assertThat(FileKind.detect(PNG)).contains(FileKind.PNG);
        assertThat(FileKind.detect(PDF)).contains(FileKind.PDF);
        assertThat(FileKind.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileKind.detect("<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileKind.detect(new byte[] {(byte) 0xFF})).isEmpty();
        assertThat(FileKind.detect(new byte[0])).isEmpty();
    }

    @Test
    void aDeclaredTypeMustAgreeWithTheContent() {
        assertThat(FileKind.PNG.agreesWith("image/png")).isTrue();
        assertThat(FileKind.JPEG.agreesWith("image/jpg")).isTrue();
        assertThat(FileKind.PDF.agreesWith("application/pdf; name=x.pdf")).isTrue();
        assertThat(FileKind.PDF.agreesWith("application/octet-stream")).isTrue();
        assertThat(FileKind.PDF.agreesWith(null)).isTrue();
        assertThat(FileKind.PDF.agreesWith("image/png")).isFalse();
        assertThat(FileKind.JPEG.agreesWith("text/html")).isFalse();
    }
}
