package org.ccnsobot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code org.ccnsobot.app.Main} in its own JVM, on the test classpath, from the project folder (so the default
 * config and calendar are found as the README runs them). Its standard input is driven line by line, and its
 * output lines are collected as they come, for the test to wait on with a timeout.
 */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final List<String> lines = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Path errFile;

    private record Waiter(int from, Predicate<String> match, CompletableFuture<Integer> found) {
    }

    private AppProcess(Process process, Path errFile) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.errFile = errFile;
        Thread reader = new Thread(this::readAll, "app-process-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static AppProcess start(Path workDir, String name, String... args) throws IOException {
        Path root = projectRoot();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = workDir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectError(err.toFile()).start();
        return new AppProcess(p, err);
    }

    static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("config/calendar")) && Files.exists(p.resolve("config/ccnso-bot.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("project root with config/calendar not found");
    }

    private void readAll() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    check();
                }
            }
        } catch (IOException e) {
            // the process ended; waiters time out with the lines seen so far
        }
    }

    private void check() {
        for (var it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            for (int i = w.from(); i < lines.size(); i++) {
                if (w.match().test(lines.get(i))) {
                    w.found().complete(i);
                    it.remove();
                    break;
                }
            }
        }
    }

    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Index of the first line from {@code from} on that matches, waiting for it up to {@code seconds}. */
    int await(int from, Predicate<String> match, int seconds) throws Exception {
        CompletableFuture<Integer> found = new CompletableFuture<>();
        synchronized (this) {
            waiters.add(new Waiter(from, match, found));
            check();
        }
        try {
            return found.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no matching line within " + seconds + " s; output so far:\n"
                    + String.join("\n", lines()) + "\nstderr:\n" + Files.readString(errFile), e);
        }
    }

    int awaitContaining(int from, String text, int seconds) throws Exception {
        return await(from, l -> l.contains(text), seconds);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized int size() {
        return lines.size();
    }

    /** Closes standard input and waits for the exit code. */
    int finish(int seconds) throws Exception {
        stdin.close();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("did not exit within " + seconds + " s; stderr:\n" + Files.readString(errFile));
        }
        return process.exitValue();
    }

    String stderr() throws IOException {
        return Files.readString(errFile);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
