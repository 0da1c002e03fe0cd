package io.newsmonitor.app.wiring;

import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import java.util.List;

/**
 * Where a process serves {@code /metrics} and {@code /health} ({@code monitoring.*} in {@code newsmonitor.yaml}).
 *
 * @param enabled whether to serve them
 * @param host    the address to listen on
 * @param port    the port, 0 for any free one
 */
public record MonitoringConfig(boolean enabled, String host, int port) {

    public static final Setting<Boolean> ENABLED = Setting.bool("monitoring.enabled", true,
            "Serve /metrics (Prometheus) and /health (liveness, readiness) over HTTP in every role's process");
    public static final Setting<String> HOST = Setting.string("monitoring.host", "127.0.0.1",
            "Address the monitoring endpoints listen on; 0.0.0.0 for every interface (behind a firewall)")
            .withRule(h -> !h.isBlank(), "not blank");
    public static final Setting<Integer> PORT = Setting.integer("monitoring.port", 9464,
            "Port of the monitoring endpoints; 0 for any free port (logged at start). Processes on one machine "
                    + "need one each: --monitoring-port")
            .withRule(p -> p >= 0 && p <= 65535, "between 0 and 65535");

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(ENABLED, HOST, PORT);

    /** The monitoring section of the settings. */
    public static MonitoringConfig from(Settings s) {
        return new MonitoringConfig(s.get(ENABLED), s.get(HOST), s.get(PORT));
    }

    /** This configuration on another port ({@code --monitoring-port}). */
    public MonitoringConfig withPort(int otherPort) {
        try {
            return new MonitoringConfig(enabled, host, PORT.checked(otherPort));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--monitoring-port " + e.getMessage(), e);
        }
    }
}
