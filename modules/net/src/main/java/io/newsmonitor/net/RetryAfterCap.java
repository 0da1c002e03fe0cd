package io.newsmonitor.net;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that caps a {@code Retry-After} in seconds at {@link HttpTimes#MAX_SECONDS} before OkHttp
 * reads it. OkHttp's own follow-up step parses the header of a 503 as an {@code int} and throws
 * {@link NumberFormatException} on a longer number, so a server answering "Retry-After: 99999999999999" would fail
 * the call with an unexpected error instead of being left alone for as long as the caller allows. The capped value
 * (about 31 years) is far longer than any caller waits, and a long string of zeros still reads as 0.
 */
public final class RetryAfterCap implements Interceptor {

    private static final String HEADER = "Retry-After";
    /** Longest number of seconds OkHttp reads without overflowing an {@code int}: nine digits. */
    private static final int INT_SAFE_DIGITS = 9;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String value = response.header(HEADER);
        if (value == null || value.trim().length() <= INT_SAFE_DIGITS) {
            return response;
        }
        long seconds = HttpTimes.seconds(value.trim());
        return seconds < 0 ? response : response.newBuilder().header(HEADER, Long.toString(seconds)).build();
    }
}
