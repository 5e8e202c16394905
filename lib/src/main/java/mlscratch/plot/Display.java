package mlscratch.plot;

import java.awt.GraphicsEnvironment;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/// Whether there is a screen to open windows on.
///
/// On Linux, Java decides "headless" from `DISPLAY` alone; when `DISPLAY` names an X server that is
/// not there (a stale value over SSH, a container that inherited it), the first drawing — even into an
/// off-screen image — fails with `AWTError: Can't connect to X11 window server`, and keeps failing for
/// the life of the JVM. So before anything is drawn, [#check()] looks for the server once (the socket
/// `/tmp/.X11-unix/X<n>` for `:n`, a TCP connection to port `6000 + n` for `host:n`) and, if it is
/// missing, switches Java to headless mode, where charts still render and `show()` writes a PNG.
/// Nothing changes when `java.awt.headless` is set explicitly, or on macOS and Windows.
final class Display {
    private Display() {}

    private static final Pattern X_DISPLAY = Pattern.compile("^([^:]*):(\\d+)(\\.\\d+)?$");

    static {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String display = System.getenv("DISPLAY");
        boolean unix = !os.contains("win") && !os.contains("mac");
        if (unix && System.getProperty("java.awt.headless") == null && display != null && !display.isBlank()
                && !reachable(display.strip()))
            System.setProperty("java.awt.headless", "true");
    }

    /// Runs the one-time check (class initialisation), then answers: is there a screen?
    static boolean available() { return !GraphicsEnvironment.isHeadless(); }

    /// Makes sure the check ran before the first drawing.
    static void check() { /* the static initialiser does the work */ }

    /// True when an X server answers at `display` (or when the form is unknown: then Java decides).
    static boolean reachable(String display) {
        var m = X_DISPLAY.matcher(display);
        if (!m.matches()) return true;
        String host = m.group(1);
        int n = Integer.parseInt(m.group(2));
        if (host.isEmpty() || host.equals("unix")) return Files.exists(Path.of("/tmp/.X11-unix/X" + n));
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 6000 + n), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
