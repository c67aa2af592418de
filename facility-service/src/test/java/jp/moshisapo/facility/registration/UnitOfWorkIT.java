package jp.moshisapo.facility.registration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registration is one unit of work although its rows are written two ways: the venue, its codes and their
 * outbox events as entities (Hibernate), the confirmation mail as plain SQL (docs/adr/0005-data-access.md). When
 * the last write fails, none of them may stay: no venue without its mail, no code event for a venue that does not
 * exist.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class UnitOfWorkIT {

    private static final String REFUSED = "refused-mail@example.jp";

    @Inject
    AgroalDataSource db;

    /** The database refuses mail to one address, as it would refuse a row on a full disk or a broken constraint. */
    @BeforeEach
    void refuseMailToOneAddress() {
        Database.updateAsOwner("""
                CREATE OR REPLACE FUNCTION facility.refuse_test_mail() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.recipient = '%s' THEN
                        RAISE EXCEPTION 'test: mail row refused';
                    END IF;
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER refuse_test_mail BEFORE INSERT ON facility.mail_outbox
                    FOR EACH ROW EXECUTE FUNCTION facility.refuse_test_mail();""".formatted(REFUSED));
    }

    @AfterEach
    void acceptMailAgain() {
        Database.updateAsOwner("DROP TRIGGER refuse_test_mail ON facility.mail_outbox; "
                + "DROP FUNCTION facility.refuse_test_mail()");
    }

    @Test
    void aRegistrationWhoseMailCannotBeStoredLeavesNoVenueNoCodeAndNoEvent() {
        String name = "もしサポ一括テスト館";
        long codesBefore = Database.count(db, "codes");
        Map<String, Object> form = Venues.form(name, "受付", "ホール");
        form.put("email", REFUSED);

        given().contentType(ContentType.JSON).body(form)
                .when().post("/api/facilities")
                .then().statusCode(500).contentType("application/problem+json");

        assertEquals(List.of("0"), Database.strings(db, "SELECT count(*) FROM facility.facilities WHERE name = ?", name));
        assertEquals(codesBefore, Database.count(db, "codes"), "codes of the refused registration");
        assertEquals(List.of("0"), Database.strings(db,
                "SELECT count(*) FROM facility.outbox WHERE payload LIKE ?", "%" + name + "%"));

        // The same registration with an address the database accepts stores all of it.
        Venues.register(name, "受付", "ホール");
        assertEquals(List.of("1"), Database.strings(db, "SELECT count(*) FROM facility.facilities WHERE name = ?", name));
        assertEquals(codesBefore + 2, Database.count(db, "codes"));
        assertEquals(List.of("2"), Database.strings(db,
                "SELECT count(*) FROM facility.outbox WHERE payload LIKE ?", "%" + name + "%"));
    }
}
