package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball {@code mvn package} builds, unpacked into a temporary folder and run through its launcher as an
 * operator would: with {@code sh -c}, the README's own command lines, from the unpacked folder and from elsewhere.
 */
class DistributionIT {
    @TempDir
    static Path unpacked;

    static Path home;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = tarball();
        Process p = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        String folder = tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        home = unpacked.resolve(folder);
    }

    private static Path tarball() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> p.getFileName().toString().matches("ccnso-bot-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ccnso-bot-<version>.tar.gz in " + target));
        }
    }

    /** Runs {@code script} with sh in {@code cwd}, Java 17+ from JAVA_HOME unless {@code env} says otherwise. */
    private Run sh(Path cwd, Map<String, String> env, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(cwd.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("CCNSO_HEAP");
        pb.environment().remove("CCNSO_JAVA_OPTS");
        pb.environment().remove("CCNSO_LOG_LEVEL");
        // the shared install is not given a class-data archive by whichever test runs first; the archive's own
        // test turns it on in an install of its own
        pb.environment().put("CCNSO_CDS", "off");
        pb.environment().remove("CCNSO_CDS_DIR");
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the launcher returns").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theTarballHoldsTheLauncherTheJarTheConfigAndTheUnit() throws Exception {
        assertThat(home.resolve("bin/ccnso-bot")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/ccnso-bot")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/ccnso-bot"))).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(home.resolve("lib/ccnso-bot.jar")).isRegularFile();
        assertThat(home.resolve("config/ccnso-bot.yaml")).isRegularFile();
        assertThat(home.resolve("config/calendar/icann79.yaml")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        String unit = Files.readString(home.resolve("deploy/ccnso-bot.service"));
        assertThat(unit).contains("\nUser=ccnso-bot\n", "\nStateDirectory=ccnso-bot\n", "\nRestart=on-failure\n",
                "\nProtectSystem=strict\n", "\nNoNewPrivileges=yes\n", "\nEnvironmentFile=/etc/ccnso-bot/ccnso-bot.env\n",
                "\nExecStart=/opt/ccnso-bot/bin/ccnso-bot run --config /etc/ccnso-bot/ccnso-bot.yaml\n");
    }

    @Test
    void theFirstConsoleRunArchivesTheClassesItLoadedAndLaterStartsMapThemFromTheArchive() throws Exception {
        Path own = Files.createDirectories(dir.resolve("own"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball().toString(), "-C", own.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path install = own.resolve(home.getFileName());
        Path lib = install.resolve("lib");
        Map<String, String> on = new java.util.HashMap<>();
        on.put("CCNSO_CDS", null);
        String ask = "printf 'next\\n' | bin/ccnso-bot console --now 2024-02-10T12:00:00Z";

        assertThat(sh(install, on, "bin/ccnso-bot check-config").exit()).isZero();
        assertThat(archives(lib)).as("a tool's run archives nothing").isEmpty();

        Run first = sh(install, on, ask);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Next up:").doesNotContain("[warning]");
        assertThat(archives(lib)).as("written by the first console run as it exits").hasSize(1);
        Path archive = archives(lib).get(0);
        assertThat(archive.getFileName().toString()).isEqualTo("ccnso-bot-java-" + System.getProperty("java.version")
                + ".jsa");

        Map<String, String> traced = new java.util.HashMap<>(on);
        Path loads = dir.resolve("loads.txt");
        traced.put("CCNSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads);
        Run second = sh(install, traced, ask);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readString(loads)).as("the app's classes come from the archive, not the jar")
                .contains("org.ccnsobot.app.Main source: shared objects file (top)");

        // an upgrade in place: a jar newer than the archive is archived again by the next console run
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(lib.resolve("ccnso-bot.jar")).toMillis() - 10_000));
        Run upgraded = sh(install, on, ask);
        assertThat(upgraded.out()).isEqualTo(first.out());
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(lib.resolve("ccnso-bot.jar")));
        Files.delete(loads);
        Run after = sh(install, traced, ask);
        assertThat(after.out()).isEqualTo(first.out());
        assertThat(Files.readString(loads)).contains("org.ccnsobot.app.Main source: shared objects file (top)");

        Files.delete(loads);
        traced.put("CCNSO_CDS", "off");
        sh(install, traced, ask);
        assertThat(Files.readString(loads)).as("CCNSO_CDS=off").contains("org.ccnsobot.app.Main source: file:")
                .doesNotContain("shared objects file (top)");
    }

    private static List<Path> archives(Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void checkConfigFromTheUnpackedFolder() throws Exception {
        Run r = sh(home, Map.of(), "bin/ccnso-bot check-config");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("config OK: " + home.toRealPath().resolve("config/ccnso-bot.yaml"))
                .contains("platforms: none (the console runs)").contains("18 committees, 1 meetings, 26 events");
    }

    @Test
    void theReadmesConsoleQuestionFromTheUnpackedFolderSeedsTheInstallsDatabase() throws Exception {
        // LC_ALL=C: the launcher's UTF-8 still prints the venue's middle dot rather than '?'
        Run r = sh(home, Map.of("LC_ALL", "C", "LANG", "C"),
                "printf 'when is the next council meeting?\\nwhat is on tech day\\n' "
                        + "| bin/ccnso-bot console --now 2024-02-10T12:00:00Z");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ccNSO Council meeting 202\nWhen: Thu 15 Feb 2024 18:00 UTC (in 5 days)")
                .contains("Tech Day\nWhen: Mon 4 Mar 2024 (time not yet announced) · San Juan");
        assertThat(home.resolve("data/ccnso-bot.db")).isRegularFile();
    }

    @Test
    void fromAnyWorkingDirectoryThroughThePathTheInstallsConfigIsUsedAndArgumentsPassAsGiven() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("some where"));
        Map<String, String> onPath = Map.of("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        Run r = sh(elsewhere, onPath, "ccnso-bot check-config");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("config OK: " + home.toRealPath().resolve("config/ccnso-bot.yaml"))
                .contains("calendar " + home.toRealPath().resolve("config/calendar"));

        // a path on the command line is the working directory's, spaces and all
        Files.writeString(elsewhere.resolve("my bot.yaml"), "database: mine.db\ncalendar: " + home.resolve("config/calendar") + "\n");
        r = sh(elsewhere, onPath, "ccnso-bot check-config --config 'my bot.yaml'");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("config OK: my bot.yaml; database mine.db;");
    }

    @Test
    void throughASymbolicLinkToTheLauncherTheInstallIsStillFound() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("usr/local/bin"));
        Files.createSymbolicLink(bin.resolve("ccnso-bot"), home.resolve("bin/ccnso-bot"));
        Run r = sh(dir, Map.of("PATH", bin + ":" + System.getenv("PATH")), "ccnso-bot check-config");
        Files.delete(bin.resolve("ccnso-bot"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("config OK: " + home.toRealPath().resolve("config/ccnso-bot.yaml"));
    }

    @Test
    void theHeapComesFromCcnsoHeapAnd256mByDefault() throws Exception {
        Run r = sh(home, Map.of("CCNSO_JAVA_OPTS", "-XshowSettings:vm"), "bin/ccnso-bot check-config");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Max. Heap Size: 256.00M");

        r = sh(home, Map.of("CCNSO_JAVA_OPTS", "-XshowSettings:vm", "CCNSO_HEAP", "300m"), "bin/ccnso-bot check-config");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Max. Heap Size: 300.00M");

        r = sh(home, Map.of("CCNSO_HEAP", "lots"), "bin/ccnso-bot check-config");
        assertThat(r.exit()).isOne();
        assertThat(r.err()).isEqualTo("ccnso-bot: CCNSO_HEAP='lots' is not a heap size like 256m or 1g\n");
    }

    @Test
    void backupAndVerifyDbRunAtALowerCpuPriorityThanTheBot() throws Exception {
        // a java that says it is 17 and, when run, prints its own niceness (field 19 of /proc/self/stat) and arguments
        Path fake = Files.createDirectories(dir.resolve("jdk17/bin"));
        Path java = fake.resolve("java");
        Files.writeString(java, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'openjdk version \"17.0.15\"' >&2; exit 0;"
                + " fi\nset -- $(cat /proc/self/stat | sed 's/^.*) //'); echo \"nice ${17}\"\n");
        java.toFile().setExecutable(true);
        Map<String, String> env = Map.of("JAVA_HOME", dir.resolve("jdk17").toString());
        int bot = niceness(sh(home, env, "bin/ccnso-bot run"));
        int lower = Math.min(19, bot + 10);  // 19 is as low as it goes (a build run under nice may be there already)
        assertThat(niceness(sh(home, env, "bin/ccnso-bot backup /tmp/x.db"))).isEqualTo(lower);
        assertThat(niceness(sh(home, env, "bin/ccnso-bot verify-db"))).isEqualTo(lower);
        assertThat(niceness(sh(home, env, "bin/ccnso-bot console"))).isEqualTo(bot);
    }

    private static int niceness(Run r) {
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("nice ");
        return Integer.parseInt(r.out().strip().substring("nice ".length()));
    }

    @Test
    void aJavaOlderThan17IsRefusedInOneLine() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("jdk8/bin"));
        Path java = fake.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"1.8.0_392\"' >&2\necho 'OpenJDK Runtime' >&2\n");
        java.toFile().setExecutable(true);
        Run r = sh(home, Map.of("JAVA_HOME", dir.resolve("jdk8").toString()), "bin/ccnso-bot check-config");
        assertThat(r.exit()).isOne();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("ccnso-bot: Java 17 or newer is needed; " + java + " is Java 1.8.0_392"
                + " (set JAVA_HOME to a Java 17+)\n");

        // without JAVA_HOME, the java on the PATH
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        r = sh(home, Map.of("PATH", fake + ":/usr/bin:/bin"), "unset JAVA_HOME; bin/ccnso-bot check-config");
        assertThat(r.exit()).isOne();
        assertThat(r.err()).isEqualTo("ccnso-bot: Java 17 or newer is needed; " + java + " is Java 11.0.22"
                + " (set JAVA_HOME to a Java 17+)\n");
    }

    @Test
    void theUnitFilePassesSystemdAnalyzeVerify() throws Exception {
        Run which = sh(dir, Map.of(), "command -v systemd-analyze");
        assumeTrue(which.exit() == 0, "systemd-analyze is not installed on this machine; the unit is not verified");
        // verify checks that ExecStart exists: point it at the unpacked launcher instead of /opt/ccnso-bot
        Path units = Files.createDirectories(dir.resolve("units"));
        String unit = Files.readString(home.resolve("deploy/ccnso-bot.service"))
                .replace("ExecStart=/opt/ccnso-bot/bin/ccnso-bot", "ExecStart=" + home.resolve("bin/ccnso-bot"));
        Files.writeString(units.resolve("ccnso-bot.service"), unit);
        Run r = sh(units, Map.of(), "systemd-analyze verify ./ccnso-bot.service");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err() + r.out()).as("no warning about the unit").isEmpty();
    }

    @Test
    void theReadmeSaysTheCommandsWorkFromTheUnpackedFolder() throws Exception {
        String readme = Files.readString(home.resolve("README.md"));
        int first = readme.indexOf("ccnso-bot import");
        int note = readme.indexOf("from the unpacked folder");
        assertThat(note).as("the README says where ccnso-bot commands run").isPositive().isLessThan(first);
        assertThat(List.of(readme.split("\n"))).anyMatch(l -> l.contains("export PATH=\"$PWD/bin:$PATH\""));
    }
}
