package io.newsmonitor.sink.config;

/**
 * A {@code host:port} address, as the HTTP settings write it ({@code 127.0.0.1:8080}, {@code [::1]:8080},
 * {@code sink-1.internal:8080}).
 *
 * @param host a host name or address, without brackets
 * @param port 0 to 65535 (0: any free port)
 */
public record HostAndPort(String host, int port) {

    /**
     * @throws IllegalArgumentException when the host is blank or the port out of range
     */
    public HostAndPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }

    /**
     * Reads {@code host:port}; an IPv6 address is written in brackets.
     *
     * @throws IllegalArgumentException naming the text when it is not {@code host:port}
     */
    public static HostAndPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, [::1]:8080");
        }
        try {
            return new HostAndPort(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no numeric port");
        }
    }

    /** Whether {@link #parse(String)} reads the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the host means "every interface" ({@code 0.0.0.0}, {@code ::}). */
    public boolean isWildcard() {
        return host.equals("0.0.0.0") || host.equals("::");
    }

    /** This address on another host. */
    public HostAndPort withHost(String otherHost) {
        return new HostAndPort(otherHost, port);
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
