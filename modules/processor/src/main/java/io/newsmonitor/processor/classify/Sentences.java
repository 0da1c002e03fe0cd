package io.newsmonitor.processor.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence boundaries of a text, for "tied by a cue" decisions: a sentence ends at {@code .}, {@code !}, {@code ?},
 * {@code ;} or {@code :} followed by white space, or at a line break. Dots inside abbreviations split too rarely to
 * matter for proximity.
 */
final class Sentences {

    private final int[] starts;

    Sentences(String text) {
        List<Integer> list = new ArrayList<>();
        list.add(0);
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?' || c == ';') && Character.isWhitespace(text.charAt(i + 1)));
            if (end) {
                list.add(i + 1);
            }
        }
        starts = list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the sentence holding this offset. */
    int of(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
