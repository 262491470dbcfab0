package com.stockwatch.loader.parse;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/** Turns the object's bytes into strict UTF-8 text: optional gzip, optional byte order mark, no bad bytes. */
final class TextInput {

    private static final int BUFFER = 64 * 1024;

    private TextInput() {
    }

    static BufferedReader open(InputStream bytes, boolean gzip, ReadLimits limits) {
        try {
            InputStream in = gzip ? DecompressionGuard.open(bytes, BUFFER, limits) : bytes;
            PushbackInputStream pushback = new PushbackInputStream(in, 3);
            byte[] start = pushback.readNBytes(3);
            boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                    && (start[2] & 0xFF) == 0xBF;
            if (!bom) {
                pushback.unread(start);
            }
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new InputStreamReader(pushback, decoder), BUFFER);
        } catch (IOException e) {
            throw translate(e, gzip);
        }
    }

    /**
     * An I/O error while reading: a file problem (bad text, bad gzip) becomes {@link UnreadableFileException}, anything
     * else (network) stays an I/O error so the invocation fails and is retried.
     */
    static RuntimeException translate(IOException e, boolean gzip) {
        if (e instanceof LimitExceededException) {
            return new UnreadableFileException(e.getMessage());
        }
        if (e instanceof CharacterCodingException) {
            return new UnreadableFileException(FileProblems.NOT_TEXT);
        }
        if (gzip && (e instanceof ZipException || e instanceof EOFException)) {
            return new UnreadableFileException(FileProblems.NOT_GZIP);
        }
        return new UncheckedIOException(e);
    }

    /** Whether text contains characters no text file has (NUL and other C0 controls except tab and line breaks). */
    static boolean looksBinary(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
