package jp.moshisapo.k8s.strict;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.keycloak.representations.idm.RealmRepresentation;

/** A realm as Keycloak reads it: the representation classes of keycloak-core, unknown fields refused. */
public final class Realms {

    private static final ObjectMapper KEYCLOAK = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Realms() {
    }

    public static RealmRepresentation read(JsonNode realm) {
        try {
            return KEYCLOAK.treeToValue(realm, RealmRepresentation.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static List<String> problems(JsonNode realm) {
        try {
            read(realm);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage().lines().findFirst().orElse(e.getMessage()));
        }
    }
}
