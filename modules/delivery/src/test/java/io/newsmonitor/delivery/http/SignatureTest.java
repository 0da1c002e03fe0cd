package io.newsmonitor.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature as docs/webhooks.md tells receivers to compute it. */
class SignatureTest {

    private static final byte[] BODY = "{\"alertId\":\"0123abcd\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampADotAndTheBody() {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test',
        //     b'1700000000.{\"alertId\":\"0123abcd\"}', hashlib.sha256).hexdigest())"
        assertThat(Signature.sign("whsec_test", 1_700_000_000L, BODY))
                .isEqualTo("sha256=804f526c5e5eebba11ac7fa9f911b29f4fd95d15a58c817f467b9a3a3f52c444");
    }

    @Test
    void anotherTimestampOrSecretGivesAnotherSignature() {
        String signature = Signature.sign("whsec_test", 1_700_000_000L, BODY);

        assertThat(Signature.sign("whsec_test", 1_700_000_001L, BODY)).isNotEqualTo(signature);
        assertThat(Signature.sign("whsec_other", 1_700_000_000L, BODY)).isNotEqualTo(signature);
    }
}
