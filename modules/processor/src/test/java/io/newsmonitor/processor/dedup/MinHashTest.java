package io.newsmonitor.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shingle hashes computed over terms' bytes are those of the shingles as strings, so stored state stays valid. */
class MinHashTest {

    private static final List<String> VOCABULARY = List.of("france", "inde", "ia", "cooperation", "künstliche",
            "intelligenz", "partenariat", "l'état", "200", "données", "ai", "the", "de", "und", "ki-strategie", "é");

    @Test
    void shingleHashesAreTheHashesOfTheShinglesForEveryLengthAndWidth() {
        Random random = new Random(11);
        for (int n = 0; n < 300; n++) {
            // given a term sequence of 0 to 40 terms, some repeated, accented or hyphenated
            List<String> terms = new ArrayList<>();
            for (int i = 0, length = random.nextInt(41); i < length; i++) {
                terms.add(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
            }
            int width = 1 + random.nextInt(4);

            // when hashed both ways, then the hashes are the same
            assertThat(MinHash.shingleHashes(terms, width))
                    .containsExactly(MinHash.hashes(MinHash.shingles(terms, width)));
        }
    }
}
