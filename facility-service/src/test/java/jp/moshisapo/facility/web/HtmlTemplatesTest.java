package jp.moshisapo.facility.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTemplatesTest {

    @Test
    void venueTextCannotBecomeMarkup() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;",
                HtmlTemplates.escape("<script>alert(\"x\")</script> & '"));
    }
}
