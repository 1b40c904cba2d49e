package org.planledger.infra.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A poor man's profiler for the benchmark's own JVM: samples every runnable thread's stack every
 * 20 ms and counts, per sample, the innermost frame that is ours (org.planledger) and the
 * innermost library frame (grouped by package), so a missed target can be explained by where the
 * time goes. Threads parked or waiting are not counted.
 */
final class StackSampler implements AutoCloseable {

    private final String phase;
    private final Map<String, Integer> ours = new HashMap<>();
    private final Map<String, Integer> libraries = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private int samples;

    StackSampler(String phase) {
        this.phase = phase;
        this.sampler = new Thread(this::sample, "bench-stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running.get()) {
            for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
                Thread thread = entry.getKey();
                StackTraceElement[] stack = entry.getValue();
                if (thread == sampler || thread.getState() != Thread.State.RUNNABLE || stack.length == 0
                        || isIdle(stack[0]) || thread.getName().startsWith("bench-")) {
                    continue;
                }
                synchronized (this) {
                    samples++;
                    libraries.merge(library(stack[0]), 1, Integer::sum);
                    for (StackTraceElement frame : stack) {
                        if (frame.getClassName().startsWith("org.planledger.query")
                                || frame.getClassName().startsWith("org.planledger.command")
                                || frame.getClassName().startsWith("org.planledger.infra") && !frame.getClassName().contains(".bench.")) {
                            ours.merge(frame.getClassName().replaceAll("^.*\\.", "") + "." + frame.getMethodName(), 1, Integer::sum);
                            break;
                        }
                    }
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Threads "runnable" in a socket accept or epoll wait are idle, not working. */
    private static boolean isIdle(StackTraceElement top) {
        String method = top.getClassName() + "." + top.getMethodName();
        return method.contains("epollWait") || method.contains("accept") || method.contains("socketRead")
                || method.contains("Net.poll") || method.contains("SocketDispatcher.read") || method.contains("EPoll.wait")
                // the JVM's reference handler and surefire's stdin reader show as runnable while they wait:
                // 45% of a replay profile's samples on 2026-12-03 evening
                || method.contains("waitForReferencePendingList") || method.contains("FileInputStream.readBytes");
    }

    private static String library(StackTraceElement frame) {
        String[] parts = frame.getClassName().split("\\.");
        int depth = Math.min(parts.length - 1, 3);
        return String.join(".", java.util.Arrays.copyOf(parts, depth)) + " (" + parts[parts.length - 1] + "." + frame.getMethodName() + ")";
    }

    @Override
    public synchronized void close() {
        running.set(false);
        sampler.interrupt();
        System.out.printf("BENCH profile of %s: %d runnable-thread samples%n", phase, samples);
        print("innermost frame", libraries);
        print("innermost Plan Ledger frame", ours);
    }

    private void print(String title, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("BENCH   by " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("BENCH     %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
        if (total == 0) {
            System.out.println("BENCH     (none)");
        }
    }
}
