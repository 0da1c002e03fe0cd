package io.newsmonitor.web.config;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sink's HTTP server ({@code sink.http.*} in {@code newsmonitor.yaml}): the dashboard, the JSON API, the Atom
 * feeds and the live events.
 *
 * @param enabled whether the sink role serves them
 * @param host    the address to listen on
 * @param port    the port, 0 for any free one
 * @param token   the bearer token changes need ({@code PUT}, {@code DELETE}, {@code POST}), or {@code null} for none
 *                (allowed on loopback only)
 */
public record WebConfig(boolean enabled, String host, int port, String token) {

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:\\s\\[\\]]+):(\\d{1,5})");

    public static final Setting<Boolean> ENABLED = Setting.bool("sink.http.enabled", true,
            "Serve the dashboard, the JSON API, Atom feeds and live events from the sink role");
    public static final Setting<String> LISTEN = Setting.string("sink.http.listen", "127.0.0.1:8080",
                    "Address and port of the dashboard and API (host:port; port 0 for any free one). Beyond loopback, "
                            + "changes need sink.http.token")
            .withRule(s -> HOST_PORT.matcher(s).matches() && port(s) <= 65535, "host:port, port 0 to 65535");
    public static final Setting<String> TOKEN = Setting.string("sink.http.token", null,
                    "Bearer token that PUT, DELETE and POST requests must send (Authorization: Bearer ...); required "
                            + "when sink.http.listen is beyond loopback")
            .withRule(t -> t.length() >= 16 && t.chars().noneMatch(Character::isWhitespace),
                    "at least 16 characters, no spaces");

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(ENABLED, LISTEN, TOKEN);

    /**
     * The HTTP section of the settings.
     *
     * @throws ConfigException naming {@code sink.http.token} when the server listens beyond loopback without one
     */
    public static WebConfig from(Settings settings) {
        String listen = settings.get(LISTEN);
        WebConfig config = new WebConfig(settings.get(ENABLED), host(listen), port(listen), settings.get(TOKEN));
        if (config.enabled() && config.token() == null && !config.loopback()) {
            throw new ConfigException(settings.file(), TOKEN.key(), "required: " + LISTEN.key() + " (" + listen
                    + ") is beyond loopback, and changes through the API need a token there");
        }
        return config;
    }

    /** Whether the listen address accepts connections from this machine only. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether changes need a token. */
    public boolean tokenRequired() {
        return token != null;
    }

    /** This configuration listening on another port (0: any free one), for tests and several instances. */
    public WebConfig withPort(int otherPort) {
        return new WebConfig(enabled, host, otherPort, token);
    }

    private static String host(String listen) {
        String host = matcher(listen).group(1);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String listen) {
        return Integer.parseInt(matcher(listen).group(2));
    }

    private static Matcher matcher(String listen) {
        Matcher m = HOST_PORT.matcher(listen);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be host:port, got '" + listen + "'");
        }
        return m;
    }
}
