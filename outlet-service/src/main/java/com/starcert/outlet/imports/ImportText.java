package com.starcert.outlet.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.starcert.support.problem.ApiProblemException;

/**
 * The characters of an import file, read as they are needed (never the whole file in memory): strict UTF-8, with
 * one character of look-ahead for the readers. A file that is not UTF-8 is a 400 naming {@code file}.
 */
final class ImportText implements Closeable {

    private final Reader reader;
    private int peeked = -2;

    private ImportText(Reader reader) {
        this.reader = reader;
    }

    static ImportText of(InputStream bytes) {
        return new ImportText(new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024));
    }

    static ImportText of(String text) {
        return new ImportText(new StringReader(text));
    }

    /** The next character, or -1 at the end. */
    int read() {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return next();
    }

    /** The next character without taking it, or -1 at the end. */
    int peek() {
        if (peeked == -2) {
            peeked = next();
        }
        return peeked;
    }

    private int next() {
        try {
            return reader.read();
        } catch (CharacterCodingException e) {
            throw new ApiProblemException.InvalidRequest("file", "is not UTF-8 text (save it as UTF-8, e.g. "
                    + "\"CSV UTF-8\" in a spreadsheet)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Bytes passed on until {@code max}; one more is {@link TooLarge}. */
    static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge();
            }
        }
    }

    /** The upload went past the largest file taken. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the file is larger than an import takes");
        }
    }
}
