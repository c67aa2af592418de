package jp.moshisapo.gateway.route;

import java.util.List;

/**
 * One entry of the route table: a name (the key of its limits in {@code moshisapo.gateway.routes.<name>}), an
 * optional method, the paths it covers, who answers it and who may call it.
 */
public record Route(String name, String method, List<PathPattern> paths, Service target, Access access) {

    public static Route of(String name, String method, Service target, Access access, List<String> paths) {
        return new Route(name, method, paths.stream().map(PathPattern::parse).toList(), target, access);
    }

    public boolean matches(String requestMethod, String canonicalPath) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        for (PathPattern path : paths) {
            if (path.matches(canonicalPath)) {
                return true;
            }
        }
        return false;
    }

    /** The metric tag for this route's requests: its first pattern, never the raw path (codes would explode it). */
    public String template() {
        return paths.get(0).pattern();
    }
}
