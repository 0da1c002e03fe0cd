package io.newsmonitor.processor.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MinHash signatures of sets of word shingles: the share of equal positions in two signatures estimates the Jaccard
 * similarity of the sets. Signatures are cut into bands for locality-sensitive hashing: two similar sets share at
 * least one band with high probability, so that candidates are found by key lookups rather than by comparing with
 * every announcement seen. The candidates are then measured exactly on the sets' hashes. Immutable; thread-safe.
 */
public final class MinHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private final int size;
    private final long[] seeds;

    /** @param size number of hash functions (signature length) */
    public MinHash(int size) {
        this.size = size;
        this.seeds = new long[size];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < size; i++) {
            s = mix(s + i);
            seeds[i] = s;
        }
    }

    /** The set of {@code width}-word shingles of a term sequence (the whole sequence if shorter). */
    public static Set<String> shingles(List<String> terms, int width) {
        Set<String> shingles = new HashSet<>();
        if (terms.size() <= width) {
            if (!terms.isEmpty()) {
                shingles.add(String.join(" ", terms));
            }
            return shingles;
        }
        for (int i = 0; i + width <= terms.size(); i++) {
            shingles.add(String.join(" ", terms.subList(i, i + width)));
        }
        return shingles;
    }

    /**
     * The hashes of the {@code width}-word shingles of a term sequence: the same as
     * {@code hashes(shingles(terms, width))}, computed over each term's bytes without building the shingles' strings
     * (they were a tenth of the analysis of a text).
     */
    public static long[] shingleHashes(List<String> terms, int width) {
        if (terms.size() <= width) {
            return hashes(shingles(terms, width));
        }
        byte[][] bytes = new byte[terms.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = terms.get(i).getBytes(StandardCharsets.UTF_8);
        }
        long[] hashes = new long[terms.size() - width + 1];
        for (int i = 0; i < hashes.length; i++) {
            long h = FNV_OFFSET;
            for (int w = 0; w < width; w++) {
                if (w > 0) {
                    h = (h ^ ' ') * FNV_PRIME;
                }
                for (byte b : bytes[i + w]) {
                    h = (h ^ b) * FNV_PRIME;
                }
            }
            hashes[i] = mix(h);
        }
        return Arrays.stream(hashes).distinct().sorted().toArray();
    }

    /** The sorted, distinct 64-bit hashes of a set's elements: a compact stand-in for the set itself. */
    public static long[] hashes(Collection<String> set) {
        return set.stream().mapToLong(MinHash::hash64).distinct().sorted().toArray();
    }

    /** Share of the smaller of two hashed sets found in the other (overlap coefficient); 0 when one is empty. */
    public static double containment(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / Math.min(a.length, b.length);
    }

    /** The signature of a set of hashes (see {@link #hashes}); all {@code Integer.MAX_VALUE} for the empty set. */
    public int[] signature(long[] hashes) {
        int[] sig = new int[size];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (long h : hashes) {
            for (int i = 0; i < size; i++) {
                int v = (int) (mix(h ^ seeds[i]) >>> 33);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
    }

    /** Estimated Jaccard similarity of the sets behind two signatures. */
    public static double jaccard(int[] a, int[] b) {
        int equal = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return n == 0 ? 0 : (double) equal / n;
    }

    /** The band keys of a signature: {@code bands} bands of {@code size / bands} rows. */
    public static String[] bandKeys(int[] signature, int bands) {
        int rows = signature.length / bands;
        String[] keys = new String[bands];
        for (int b = 0; b < bands; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = mix(h * 31 + signature[b * rows + r]);
            }
            keys[b] = b + ":" + Long.toHexString(h);
        }
        return keys;
    }

    /** FNV-1a of the string's UTF-8 bytes, mixed. */
    static long hash64(String s) {
        long h = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * FNV_PRIME;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: a fast, well-distributed 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
