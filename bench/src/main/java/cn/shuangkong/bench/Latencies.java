package cn.shuangkong.bench;

import java.util.Arrays;

/** Latencies of one timed series in milliseconds, with nearest-rank percentiles. */
record Latencies(String name, double[] millis) {

    static Latencies of(String name, long[] nanos) {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            ms[i] = nanos[i] / 1_000_000.0;
        }
        Arrays.sort(ms);
        return new Latencies(name, ms);
    }

    int count() {
        return millis.length;
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code p} % of the samples at or below it. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    double p50() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }

    double p99() {
        return percentile(99);
    }

    double max() {
        return millis[millis.length - 1];
    }

    double mean() {
        return Arrays.stream(millis).average().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return String.format("%-44s n=%4d  p50 %9.1f ms  p99 %9.1f ms  max %9.1f ms  mean %9.1f ms", name, count(), p50(), p99(), max(), mean());
    }
}
