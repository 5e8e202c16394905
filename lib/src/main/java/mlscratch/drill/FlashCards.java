package mlscratch.drill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/// The flash cards of `lib/src/main/resources/mlscratch/drill/cards.md`, in this format:
///
/// ```
/// # Any introduction before the first card is ignored
///
/// ## bias-variance · theory · easy
/// Q: What happens to bias and variance as a model gets more flexible?
///    (the question may continue on the following lines)
/// A: Bias falls, variance rises; …
///    Markdown lines, up to the next `## ` or the end of the file.
/// ```
/// The header is `## <id> · <topic> · <difficulty>` (difficulty easy | medium | hard; `·` is U+00B7). A malformed
/// entry fails with `cards.md:<line>: <what is wrong>`: a bad header, a missing `Q:` or `A:`, text before `Q:`,
/// an empty question or answer, a duplicate id.
public final class FlashCards {
    private FlashCards() {}

    /// Where the cards live on the class path.
    public static final String RESOURCE = "/mlscratch/drill/cards.md";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private static volatile List<FlashCard> all;

    /// Every card of [#RESOURCE] (none when the file is absent).
    public static List<FlashCard> all() {
        if (all == null) {
            try (InputStream in = FlashCards.class.getResourceAsStream(RESOURCE)) {
                all = in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "cards.md");
            } catch (IOException e) {
                throw new IllegalStateException("FlashCards: cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    /// Parses the card format above; `source` names the file in error messages.
    public static List<FlashCard> parse(String text, String source) {
        var cards = new ArrayList<FlashCard>();
        var ids = new HashSet<String>();
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("## ")) i++;     // the introduction
        while (i < lines.length) {
            int headerLine = i + 1;
            String[] parts = lines[i].substring(3).split("\\s*·\\s*", -1);
            if (parts.length != 3) {
                throw fail(source, headerLine, "a card header is '## <id> · <topic> · <difficulty>', got '" + lines[i] + "'");
            }
            String id = parts[0].strip(), topic = parts[1].strip();
            if (!ID.matcher(id).matches()) throw fail(source, headerLine, "the id '" + id + "' must be letters, digits, '-', '_' or '.'");
            if (topic.isEmpty()) throw fail(source, headerLine, "card '" + id + "' has no topic");
            Difficulty difficulty;
            try {
                difficulty = Difficulty.parse(parts[2]);
            } catch (IllegalArgumentException e) {
                throw fail(source, headerLine, "card '" + id + "': difficulty must be easy, medium or hard, got '" + parts[2].strip() + "'");
            }
            if (!ids.add(id)) throw fail(source, headerLine, "card '" + id + "' is defined twice");
            i++;
            while (i < lines.length && lines[i].isBlank()) i++;
            if (i >= lines.length || !lines[i].startsWith("Q:")) {
                throw fail(source, Math.min(i + 1, lines.length), "card '" + id + "' must continue with 'Q: <question>'"
                        + (i < lines.length ? ", got '" + lines[i] + "'" : ", got the end of the file"));
            }
            int qLine = i + 1;
            var question = new StringBuilder(lines[i].substring(2).strip());
            i++;
            while (i < lines.length && !lines[i].startsWith("A:") && !lines[i].startsWith("## ")) {
                question.append('\n').append(lines[i]);
                i++;
            }
            if (i >= lines.length || !lines[i].startsWith("A:")) {
                throw fail(source, i >= lines.length ? lines.length : i + 1, "card '" + id + "' has a question (line " + qLine
                        + ") but no 'A: <answer>' before " + (i >= lines.length ? "the end of the file" : "the next card"));
            }
            if (question.toString().isBlank()) throw fail(source, qLine, "card '" + id + "' has an empty question");
            int aLine = i + 1;
            var answer = new StringBuilder(lines[i].substring(2).strip());
            i++;
            while (i < lines.length && !lines[i].startsWith("## ")) {
                answer.append('\n').append(lines[i]);
                i++;
            }
            if (answer.toString().isBlank()) throw fail(source, aLine, "card '" + id + "' has an empty answer");
            cards.add(new FlashCard(id, topic, difficulty, question.toString().strip(), answer.toString().strip()));
        }
        return List.copyOf(cards);
    }

    private static IllegalArgumentException fail(String source, int line, String message) {
        return new IllegalArgumentException(source + ":" + line + ": " + message);
    }
}
