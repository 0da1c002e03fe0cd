package io.newsmonitor.poller.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a {@code robots.txt} for one user agent, as RFC 9309 reads them: the group naming the agent's product
 * token (else the {@code *} group), {@code Allow} and {@code Disallow} paths with {@code *} and {@code $}, the longest
 * matching rule winning and {@code Allow} winning a tie. Immutable.
 */
public final class RobotsRules {

    /** Rules that allow everything (no robots.txt, or a 4xx answer for it). */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    /** Rules that forbid everything (robots.txt unreachable or answering 5xx). */
    public static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/", Pattern.compile("/.*"))));

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules of this file that apply to {@code productToken} (such as {@code newsmonitor}).
     */
    public static RobotsRules parse(String robotsTxt, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean mineSeen = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        List<Rule> current = new ArrayList<>();
        for (String raw : robotsTxt.split("\\r?\\n|\\r")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                if (inRules) {
                    mineSeen |= assign(agents, current, token, mine, star);
                    agents = new ArrayList<>();
                    current = new ArrayList<>();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (field.equals("allow") || field.equals("disallow")) {
                inRules = true;
                if (!value.isEmpty()) {
                    current.add(new Rule(field.equals("allow"), value, compile(value)));
                }
            }
        }
        mineSeen |= assign(agents, current, token, mine, star);
        return new RobotsRules(mineSeen ? mine : star);
    }

    private static boolean assign(List<String> agents, List<Rule> rules, String token, List<Rule> mine,
                                  List<Rule> star) {
        boolean isMine = agents.stream().anyMatch(a -> !a.equals("*") && token.startsWith(a));
        if (isMine) {
            mine.addAll(rules);
        } else if (agents.contains("*")) {
            star.addAll(rules);
        }
        return isMine;
    }

    private static Pattern compile(String path) {
        StringBuilder regex = new StringBuilder();
        boolean anchored = path.endsWith("$");
        String body = anchored ? path.substring(0, path.length() - 1) : path;
        for (String part : body.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + (anchored ? "" : ".*"));
    }

    /** Whether a path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(path).matches() && (best == null
                    || rule.path().length() > best.path().length()
                    || rule.path().length() == best.path().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }
}
