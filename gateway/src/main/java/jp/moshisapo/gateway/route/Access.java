package jp.moshisapo.gateway.route;

/** Who may call a route, and so whom its rate limit counts. */
public enum Access {
    /** Anyone; limited per client IP. */
    PUBLIC,
    /** Staff with a valid bearer token from the OIDC issuer; limited per token subject. */
    STAFF_TOKEN
}
