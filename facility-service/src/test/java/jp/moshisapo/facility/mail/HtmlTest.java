package jp.moshisapo.facility.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void venueTextCannotBecomeMarkup() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;",
                Html.escape("<script>alert(\"x\")</script> & '"));
    }
}
