package mlscratch.drill;

import java.util.List;

/// The outcome of checking one answer against every case of a drill: one [Result] per case.
public record CheckReport(String drillId, List<Result> results) {

    public CheckReport { results = List.copyOf(results); }

    /// PASS; FAIL (a wrong value); ERROR (the answer threw); TIMEOUT (or stopped by Ctrl-C); SKIPPED (not run after that).
    public enum Status { PASS, FAIL, ERROR, TIMEOUT, SKIPPED }

    /// One case: its name, status and, unless it passed, one line saying what went wrong and the input.
    public record Result(String name, Status status, String detail) {
        public boolean passed() { return status == Status.PASS; }

        /// `✓ name` or `✗ name: detail`, coloured with ANSI codes when `color`.
        public String line(boolean color) {
            if (passed()) return (color ? "\u001b[32m✓\u001b[0m " : "✓ ") + name;
            String mark = status == Status.TIMEOUT || status == Status.SKIPPED ? "⏱" : "✗";
            return (color ? "\u001b[31m" + mark + "\u001b[0m " : mark + " ") + name + ": " + detail;
        }
    }

    public boolean passed() { return !results.isEmpty() && results.stream().allMatch(Result::passed); }

    public long passCount() { return results.stream().filter(Result::passed).count(); }

    /// One line per case, then `softmax: 5/7 passed`.
    public String render(boolean color) {
        var sb = new StringBuilder();
        for (var r : results) sb.append(r.line(color)).append('\n');
        String summary = drillId + ": " + passCount() + "/" + results.size() + " passed";
        if (passed()) summary += color ? " \u001b[32m— well done\u001b[0m" : " — well done";
        return sb.append(summary).toString();
    }

    @Override public String toString() { return render(false); }
}
