package io.newsmonitor.runtime;

/**
 * How a role is doing, as {@code /health} reports it.
 *
 * @param live   whether the role is alive (false once it stopped for good: the process should be restarted)
 * @param ready  whether it does its work now (false while it starts, rebalances or cannot reach the broker)
 * @param detail a short word or phrase for operators, e.g. {@code RUNNING} or {@code REBALANCING}
 */
public record Health(boolean live, boolean ready, String detail) {

    /** Alive and working. */
    public static Health ready(String detail) {
        return new Health(true, true, detail);
    }

    /** Alive, not working yet (starting, rebalancing, waiting for the broker). */
    public static Health notReady(String detail) {
        return new Health(true, false, detail);
    }

    /** Stopped for good. */
    public static Health failed(String detail) {
        return new Health(false, false, detail);
    }
}
