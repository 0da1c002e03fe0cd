package io.newsmonitor.delivery.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request, so that a receiver knows the alert came from this deployment and was not
 * replayed long after: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the webhook's secret (its UTF-8
 * bytes), of the timestamp in decimal seconds, a dot, and the exact body bytes ({@code 1700000000.{"alertId":...}}).
 * The timestamp travels in {@link #TIMESTAMP_HEADER}, the signature in {@link #HEADER}; as Stripe's, signing the
 * timestamp lets a receiver refuse old requests. {@code docs/webhooks.md} shows how to verify it.
 */
public final class Signature {

    /** The header holding the signature. */
    public static final String HEADER = "X-Newsmonitor-Signature";
    /** The header holding the signed timestamp, in seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "X-Newsmonitor-Timestamp";

    private static final String ALGORITHM = "HmacSHA256";

    private Signature() {
    }

    /**
     * The value of {@link #HEADER} for a body sent at {@code timestamp}.
     *
     * @param secret    the webhook's secret, not empty
     * @param timestamp seconds since the epoch, as sent in {@link #TIMESTAMP_HEADER}
     * @param body      the exact bytes sent
     */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM + " and takes any non-empty key", e);
        }
    }
}
