package jp.moshisapo.gateway.route;

/**
 * A path in the syntax of {@code quarkus.http.auth.permission.*.paths}, so the route table and the permission
 * table read alike: {@code /c/*} is {@code /c} and everything below it; anything else is that exact path (a
 * trailing slash is tolerated, because JAX-RS services treat {@code /x/} as {@code /x}).
 */
public record PathPattern(String pattern, String base, boolean prefix) {

    public static PathPattern parse(String pattern) {
        if (!pattern.startsWith("/") || pattern.contains("//") || pattern.indexOf('*') != pattern.lastIndexOf('*')
                || (pattern.contains("*") && !pattern.endsWith("/*"))) {
            throw new IllegalArgumentException("not a path pattern (use /exact or /prefix/*): " + pattern);
        }
        if (pattern.endsWith("/*")) {
            return new PathPattern(pattern, pattern.substring(0, pattern.length() - 2), true);
        }
        return new PathPattern(pattern, pattern, false);
    }

    /** {@code path} must be canonical ({@link CanonicalPath}). */
    public boolean matches(String path) {
        if (prefix) {
            return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
        }
        return path.equals(base) || (!base.equals("/") && path.length() == base.length() + 1
                && path.startsWith(base) && path.endsWith("/"));
    }
}
