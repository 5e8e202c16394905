package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// End to end in a real terminal: the CLI runs in a tmux pane (a pty, so JLine uses its full terminal:
/// completion, the multi-line editor, colours) driven by `send-keys` and read back by `capture-pane`.
/// Skipped, with a message, when tmux is not installed. Uses a private tmux server (`-L`) killed afterwards.
class DrillTmuxTest {

    @TempDir Path dir;
    String socket = "mlscratch-drill-test-" + ProcessHandle.current().pid();
    boolean started;

    static boolean hasTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    String tmux(String... args) throws IOException, InterruptedException {
        var cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    String screen() throws IOException, InterruptedException { return tmux("capture-pane", "-p", "-S", "-200", "-t", "drill"); }

    /// Polls the pane until it shows `text` (up to `seconds`); fails with the screen otherwise.
    String waitFor(String text, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (s.contains(text)) return s;
            Thread.sleep(200);
        }
        throw new AssertionError("the pane never showed '" + text + "':\n" + s);
    }

    void type(String line) throws IOException, InterruptedException {
        // tmux reads an argument ending in ';' as a command separator: escape it
        if (!line.isEmpty()) tmux("send-keys", "-t", "drill", "-l", line.endsWith(";") ? line.substring(0, line.length() - 1) + "\\;" : line);
        tmux("send-keys", "-t", "drill", "Enter");
    }

    @AfterEach void killServer() throws Exception {
        if (!started) return;
        String socketPath = tmux("display-message", "-p", "#{socket_path}").strip();
        tmux("kill-server");
        if (socketPath.endsWith(socket)) Files.deleteIfExists(Path.of(socketPath));   // tmux leaves the socket file
    }

    @Test void listCompleteAndSolveADrillInARealTerminal() throws Exception {
        assumeTrue(hasTmux(), "tmux is not installed: the end-to-end terminal test is skipped (DrillCliTest covers the CLI on a dumb terminal)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("run.sh");
        Files.writeString(script, String.join(" ", "exec", q(java.toString()), "--add-modules", "jdk.incubator.vector",
                "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
                "-Dmlscratch.progress=" + q(dir.resolve("progress.properties").toString()),
                "-cp", q(System.getProperty("java.class.path")), "mlscratch.drill.DrillCli", "2>/dev/null") + "\n");
        tmux("new-session", "-d", "-s", "drill", "-x", "140", "-y", "50", "sh " + q(script.toString()));
        started = true;
        waitFor("drill>", 60);
        type("list");
        waitFor("drills (✓ passed, · attempted)", 20);
        tmux("send-keys", "-t", "drill", "-l", "do softm");
        tmux("send-keys", "-t", "drill", "Tab");                       // completes the id
        waitFor("do softmax", 10);
        type("");
        waitFor("answer>", 20);
        type("Vector softmax(Vector z) {");
        type("if (z.size() == 0) return z;");
        type("double m = z.max();");
        type("Vector e = z.map(v -> Math.exp(v - m));");
        type("return e.scale(1 / e.sum());");
        type("}");
        type("");                                                       // the empty line ends the answer
        String s = waitFor("softmax: 8/8 passed", 90);
        assertTrue(s.contains("✓ large logits 1000"), s);
        type("quit");
    }

    static String q(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
