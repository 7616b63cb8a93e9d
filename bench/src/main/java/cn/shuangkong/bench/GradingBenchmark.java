package cn.shuangkong.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.majorhazard.ChemicalInput;
import cn.shuangkong.rules.majorhazard.MajorHazardGrading;
import cn.shuangkong.rules.majorhazard.MajorHazardInput;
import cn.shuangkong.rules.majorhazard.UnitType;
import cn.shuangkong.rules.riskpoint.DirectFlag;
import cn.shuangkong.rules.riskpoint.RiskMethod;
import cn.shuangkong.rules.riskpoint.RiskPointGrading;
import cn.shuangkong.rules.riskpoint.RiskPointInput;

/**
 * Grades many risk points (in batches of {@value #BATCH}, one stateless session per batch) and many units of
 * five chemicals through the rule sets on {@value #THREADS} threads, and the same inputs through plain-Java
 * implementations of the same thresholds, reporting throughput and peak heap. Inputs are generated per
 * batch from a fixed seed, so nothing holds the whole workload in memory.
 *
 * <pre>./mvnw -q -Pbench -pl bench -am verify -DskipTests [-Dbench.points=1000000] [-Dbench.units=1000000]</pre>
 */
public final class GradingBenchmark {

    static final int BATCH = 1000;
    static final int THREADS = 2;

    /** Where the references leave their results, so that the JIT cannot discard the work. */
    static final AtomicLong SINK = new AtomicLong();

    private static final String[] LEC_L = {"10", "6", "3", "1", "0.5", "0.2", "0.1"};
    private static final String[] LEC_E = {"10", "6", "3", "2", "1", "0.5"};
    private static final String[] LEC_C = {"100", "40", "15", "7", "3", "1"};

    /** Table-1 chemicals of GB 18218-2018 with their Q and, for the non-Table-3 ones, a Table-4 symbol. */
    private static final String[][] CHEMICALS = {
            {"氯", "5", "", "4"}, {"氨", "10", "", "2"}, {"硫化氢", "5", "", "5"}, {"环氧乙烷", "10", "", "2"},
            {"甲醇", "500", "W5.4", "1"}, {"苯", "50", "W5.1", "1.5"}, {"液化石油气", "50", "W2", "1.5"}, {"氢", "5", "W2", "1.5"},
    };

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.printf("Shuangkong grading benchmark: %,d risk points, %,d units of 5 chemicals, %d threads, JDK %s, max heap %d MiB%n",
                points, units, THREADS, System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        long t0 = System.nanoTime();
        RiskPointGrading riskPoints = new RiskPointGrading();
        long t1 = System.nanoTime();
        MajorHazardGrading majorHazards = new MajorHazardGrading();
        long t2 = System.nanoTime();
        System.out.printf("start-up (once per process): riskpoint KieBase %d ms, majorhazard KieBase + catalogue %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);

        // Warm up the JIT on both paths.
        run("warm-up", 20_000, BATCH, i -> riskPointBatch(i, BATCH), batch -> riskPoints.gradeAll(batch).size());
        run("warm-up", 20_000, BATCH, i -> riskPointBatch(i, BATCH), batch -> PlainRiskPoints.gradeAll(batch));

        Result rules = run("riskpoint rules", points, BATCH, i -> riskPointBatch(i, BATCH), batch -> riskPoints.gradeAll(batch).size());
        Result plain = run("riskpoint plain Java", points, BATCH, i -> riskPointBatch(i, BATCH), PlainRiskPoints::gradeAll);
        System.out.printf("riskpoint: rule engine costs %.1f× the plain-Java reference%n", plain.perSecond / rules.perSecond);

        int unitBatch = 100;
        run("warm-up", 5_000, unitBatch, i -> unitBatch(i, unitBatch), batch -> gradeUnits(majorHazards, batch));
        run("warm-up", 5_000, unitBatch, i -> unitBatch(i, unitBatch), PlainMajorHazards::gradeAll);
        Result unitRules = run("majorhazard rules", units, unitBatch, i -> unitBatch(i, unitBatch), batch -> gradeUnits(majorHazards, batch));
        Result unitPlain = run("majorhazard plain Java", units, unitBatch, i -> unitBatch(i, unitBatch), PlainMajorHazards::gradeAll);
        System.out.printf("majorhazard: rule engine costs %.1f× the plain-Java reference%n", unitPlain.perSecond / unitRules.perSecond);
    }

    private static int gradeUnits(MajorHazardGrading grading, List<MajorHazardInput> batch) {
        for (MajorHazardInput unit : batch) {
            grading.grade(unit);
        }
        return batch.size();
    }

    // ---- workloads

    static List<RiskPointInput> riskPointBatch(int batchIndex, int size) {
        Random random = new Random(42L * 1_000_003 + batchIndex);
        List<RiskPointInput> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(100);
            RiskPointInput input = kind < 60
                    ? RiskPointInput.lec(LEC_L[random.nextInt(LEC_L.length)], LEC_E[random.nextInt(LEC_E.length)], LEC_C[random.nextInt(LEC_C.length)])
                    : kind < 95
                    ? RiskPointInput.ls(String.valueOf(1 + random.nextInt(5)), String.valueOf(1 + random.nextInt(5)))
                    : RiskPointInput.direct(DirectFlag.values()[random.nextInt(DirectFlag.values().length)]);
            batch.add(input);
        }
        return batch;
    }

    static List<MajorHazardInput> unitBatch(int batchIndex, int size) {
        Random random = new Random(7L * 1_000_003 + batchIndex);
        List<MajorHazardInput> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            List<ChemicalInput> chemicals = new ArrayList<>(5);
            for (int c = 0; c < 5; c++) {
                String[] chemical = CHEMICALS[random.nextInt(CHEMICALS.length)];
                BigDecimal q = new BigDecimal(chemical[1]).multiply(BigDecimal.valueOf(random.nextInt(100) + 1)).movePointLeft(2);
                chemicals.add(new ChemicalInput(chemical[0], null, chemical[2].isEmpty() ? List.of() : List.of(chemical[2]), q));
            }
            batch.add(new MajorHazardInput(random.nextBoolean() ? UnitType.STORAGE : UnitType.PRODUCTION, random.nextInt(200), chemicals));
        }
        return batch;
    }

    // ---- the harness

    record Result(double perSecond, long peakHeapMiB) {
    }

    private static <T> Result run(String name, int total, int batchSize, IntFunction<List<T>> batches,
                                  java.util.function.ToIntFunction<List<T>> grade) throws Exception {
        System.gc();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        AtomicLong graded = new AtomicLong();
        int batchCount = (total + batchSize - 1) / batchSize;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int b = thread; b < batchCount; b += THREADS) {
                        graded.addAndGet(grade.applyAsInt(batches.apply(b)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = sampler.stopAndPeakMiB();
        double perSecond = graded.get() / seconds;
        if (!name.equals("warm-up")) {
            System.out.printf("%-24s %,11d graded in %6.2f s = %,10.0f /s, peak heap %,5d MiB%n", name, graded.get(), seconds, perSecond, peak);
        }
        return new Result(perSecond, peak);
    }

    /** Samples the used heap every 5 ms: the peak of what the run needed, garbage included. */
    static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stopAndPeakMiB() throws InterruptedException {
            running = false;
            join();
            return peak >> 20;
        }
    }

    // ---- plain-Java references of the same thresholds (standards.md §0 and GB 18218-2018 Tables 5 and 6)

    static final class PlainRiskPoints {
        static int gradeAll(List<RiskPointInput> batch) {
            long red = 0;
            for (RiskPointInput in : batch) {
                Grade grade;
                if (!in.directFlags().isEmpty()) {
                    grade = Grade.RED;
                } else if (in.method() == RiskMethod.LEC) {
                    BigDecimal d = in.l().multiply(in.e()).multiply(in.c());
                    grade = d.compareTo(BigDecimal.valueOf(320)) > 0 ? Grade.RED
                            : d.compareTo(BigDecimal.valueOf(160)) > 0 ? Grade.ORANGE
                            : d.compareTo(BigDecimal.valueOf(70)) > 0 ? Grade.YELLOW : Grade.BLUE;
                } else {
                    int r = in.l().multiply(in.s()).intValue();
                    grade = r >= 20 ? Grade.RED : r >= 9 ? Grade.ORANGE : r >= 4 ? Grade.YELLOW : Grade.BLUE;
                }
                red += grade == Grade.RED ? 1 : 0;
            }
            SINK.addAndGet(red);
            return batch.size();
        }
    }

    static final class PlainMajorHazards {
        private static final Map<String, BigDecimal[]> Q_BETA = Map.of(
                "氯", new BigDecimal[]{new BigDecimal("5"), new BigDecimal("4")},
                "氨", new BigDecimal[]{new BigDecimal("10"), new BigDecimal("2")},
                "硫化氢", new BigDecimal[]{new BigDecimal("5"), new BigDecimal("5")},
                "环氧乙烷", new BigDecimal[]{new BigDecimal("10"), new BigDecimal("2")},
                "甲醇", new BigDecimal[]{new BigDecimal("500"), new BigDecimal("1")},
                "苯", new BigDecimal[]{new BigDecimal("50"), new BigDecimal("1.5")},
                "液化石油气", new BigDecimal[]{new BigDecimal("50"), new BigDecimal("1.5")},
                "氢", new BigDecimal[]{new BigDecimal("5"), new BigDecimal("1.5")});

        static int gradeAll(List<MajorHazardInput> batch) {
            long levelOne = 0;
            for (MajorHazardInput unit : batch) {
                BigDecimal s = BigDecimal.ZERO;
                BigDecimal weighted = BigDecimal.ZERO;
                for (ChemicalInput c : unit.chemicals()) {
                    BigDecimal[] qb = Q_BETA.get(c.name());
                    BigDecimal ratio = c.quantityTonnes().divide(qb[0], MathContext.DECIMAL128);
                    s = s.add(ratio);
                    weighted = weighted.add(ratio.multiply(qb[1]));
                }
                int people = unit.exposedPeople();
                BigDecimal alpha = new BigDecimal(people >= 100 ? "2.0" : people >= 50 ? "1.5" : people >= 30 ? "1.2" : people >= 1 ? "1.0" : "0.5");
                BigDecimal r = alpha.multiply(weighted).setScale(10, RoundingMode.HALF_EVEN);
                if (s.setScale(10, RoundingMode.HALF_EVEN).compareTo(BigDecimal.ONE) >= 0 && r.compareTo(BigDecimal.valueOf(100)) >= 0) {
                    levelOne++;
                }
            }
            SINK.addAndGet(levelOne);
            return batch.size();
        }
    }
}
