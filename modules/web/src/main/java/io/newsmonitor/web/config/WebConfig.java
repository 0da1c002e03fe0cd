package io.newsmonitor.web.config;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import io.newsmonitor.sink.config.HostAndPort;
import io.newsmonitor.sink.config.SinkConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The sink's HTTP server ({@code sink.http.*} in {@code newsmonitor.yaml}): the dashboard, the JSON API, the Atom
 * feeds and the live events. Its address is the sink's {@code sink.http.listen} (declared in {@code SinkConfig}).
 *
 * @param enabled whether the sink role serves them
 * @param host    the address to listen on
 * @param port    the port, 0 for any free one
 * @param token   the bearer token changes need ({@code PUT}, {@code DELETE}, {@code POST}), or {@code null} for none
 *                (allowed on loopback only)
 */
public record WebConfig(boolean enabled, String host, int port, String token) {

    public static final Setting<Boolean> ENABLED = Setting.bool("sink.http.enabled", true,
            "Serve the dashboard, the JSON API, Atom feeds and live events from the sink role");
    public static final Setting<String> TOKEN = Setting.string("sink.http.token", null,
                    "Bearer token that PUT, DELETE and POST requests must send (Authorization: Bearer ...); required "
                            + "when sink.http.listen is beyond loopback")
            .withRule(t -> t.length() >= 16 && t.chars().noneMatch(Character::isWhitespace),
                    "at least 16 characters, no spaces");

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(ENABLED, TOKEN);

    /**
     * The HTTP section of the settings; where to listen is the sink's {@code sink.http.listen}, which the sink also
     * reads to advertise this server to the other instances.
     *
     * @throws ConfigException naming {@code sink.http.token} when the server listens beyond loopback without one
     */
    public static WebConfig from(Settings settings) {
        HostAndPort listen = HostAndPort.parse(settings.get(SinkConfig.HTTP_LISTEN));
        WebConfig config = new WebConfig(settings.get(ENABLED), listen.host(), listen.port(), settings.get(TOKEN));
        if (config.enabled() && config.token() == null && !config.loopback()) {
            throw new ConfigException(settings.file(), TOKEN.key(), "required: " + SinkConfig.HTTP_LISTEN.key()
                    + " (" + listen + ") is beyond loopback, and changes through the API need a token there");
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
}
