package io.newsmonitor.poller.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed's bytes to text. The declared charset is found the way ROME's lenient {@link XmlReader} finds it
 * (BOM, XML prolog, {@code Content-Type} header; UTF-8 as the fallback), then corrected when the bytes contradict it,
 * as browsers and feedparser do: bytes that are not UTF-8 although declared so are windows-1252; bytes declared
 * ISO-8859-1 or windows-1252 that are valid multi-byte UTF-8 are UTF-8; ISO-8859-1 is read as windows-1252 (its C1
 * range holds the curly quotes and dashes that Windows editors write). A leading BOM is dropped.
 */
final class Charsets {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern PROLOG_ENCODING = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)");

    private Charsets() {
    }

    static String decode(byte[] body, String contentType) {
        Charset declared = declared(body, contentType);
        String name = declared.name().toLowerCase(Locale.ROOT);
        String text;
        if (name.equals("utf-8") || name.equals("us-ascii")) {
            String utf8 = strictUtf8(body);
            text = utf8 != null ? utf8 : new String(body, WINDOWS_1252);
        } else if (name.equals("iso-8859-1") || name.equals("windows-1252")) {
            String utf8 = hasNonAscii(body) ? strictUtf8(body) : null;
            text = utf8 != null ? utf8 : new String(body, WINDOWS_1252);
        } else {
            text = new String(body, declared);
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static Charset declared(byte[] body, String contentType) {
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(body), true, "UTF-8")
                : new XmlReader(new ByteArrayInputStream(body), contentType, true, "UTF-8")) {
            return Charset.forName(reader.getEncoding());
        } catch (IOException | RuntimeException e) {
            return sniffed(body);
        }
    }

    /** What ROME could not tell (garbage before the prolog, an HTML content type): the prolog anywhere early on. */
    private static Charset sniffed(byte[] body) {
        Matcher m = PROLOG_ENCODING.matcher(new String(body, 0, Math.min(body.length, 2048),
                StandardCharsets.ISO_8859_1));
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The bytes decoded as UTF-8 in one pass, or {@code null} when they are not valid UTF-8. */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
