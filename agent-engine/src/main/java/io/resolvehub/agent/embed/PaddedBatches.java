package io.resolvehub.agent.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits texts sorted by token count into the model runs that cost the least. A run pads every row to its longest
 * text, so a batch of a 40-token and a 250-token text costs as much as two 250-token texts, while a run of its own
 * costs a long text little more than its tokens: on the clapnq passages (786 chunks of up to 256 tokens, 2-core
 * machine), one text per run took 47–49 s of CPU, sorted batches of 8 50–55 s, and batches of 8 within groups of 20,
 * what many small sources indexed together hand the model, 63–64 s. Short texts gain more from sharing a run (one per
 * run was about 140 help-center chunks/s against 200/s batched). So texts share a run while that saves more than the
 * padding it adds: texts of about the same length go eight at a time, as before; a spread of lengths goes in smaller
 * runs instead of padded ones.
 */
final class PaddedBatches {

    /**
     * What one run costs beyond its padded tokens, in tokens: about what the 140 against 200 chunks/s above gives for
     * short texts (some 2 ms a run, the time of 20 tokens); enough that texts of about the same length share a run,
     * small beside the padding of a spread of lengths.
     */
    static final int RUN_COST = 16;

    private PaddedBatches() {
    }

    /**
     * @param sortedLengths token counts, shortest first
     * @param maxRows       texts per run at most
     * @return the size of each run, in order: the first run takes the first sizes[0] texts, and so on
     */
    static List<Integer> split(int[] sortedLengths, int maxRows) {
        int n = sortedLengths.length;
        long[] cost = new long[n + 1];      // cost[i]: the cheapest runs for the first i texts
        int[] lastRun = new int[n + 1];     // the size of the last of those runs
        for (int i = 1; i <= n; i++) {
            cost[i] = Long.MAX_VALUE;
            for (int rows = 1; rows <= Math.min(maxRows, i); rows++) {
                // the run of texts i-rows … i-1 is padded to the longest, the last (sorted)
                long withRun = cost[i - rows] + (long) rows * sortedLengths[i - 1] + RUN_COST;
                if (withRun < cost[i]) {
                    cost[i] = withRun;
                    lastRun[i] = rows;
                }
            }
        }
        List<Integer> sizes = new ArrayList<>();
        for (int i = n; i > 0; i -= lastRun[i]) {
            sizes.add(lastRun[i]);
        }
        return sizes.reversed();
    }
}
