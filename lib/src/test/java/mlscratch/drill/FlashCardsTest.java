package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FlashCardsTest {

    static String sample() throws IOException {
        try (var in = FlashCardsTest.class.getResourceAsStream("/mlscratch/drill/sample-cards.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test void parsesTheTwoSampleCardsWithMultiLineQuestionsAndMarkdownAnswers() throws IOException {
        var cards = FlashCards.parse(sample(), "sample-cards.md");
        assertEquals(2, cards.size());
        var first = cards.get(0);
        assertEquals("bias-variance", first.id());
        assertEquals("theory", first.topic());
        assertEquals(Difficulty.EASY, first.difficulty());
        assertEquals("What happens to bias and variance as a model\n   gets more flexible?", first.question());
        assertTrue(first.answer().startsWith("Bias falls and variance rises:\n- a flexible"), first.answer());
        assertTrue(first.answer().endsWith("(high variance)."), "the blank line before the next card is trimmed");
        assertEquals(Difficulty.MEDIUM, cards.get(1).difficulty());
        assertTrue(cards.get(1).answer().contains("`exp` cannot overflow"));
    }

    static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> FlashCards.parse(text, "cards.md")).getMessage();
    }

    @Test void malformedEntriesAreRejectedWithTheirLineNumber() {
        assertEquals("cards.md:3: a card header is '## <id> · <topic> · <difficulty>', got '## x · theory'",
                error("intro\n\n## x · theory\nQ: q\nA: a\n"));
        assertEquals("cards.md:1: card 'x': difficulty must be easy, medium or hard, got 'trivial'",
                error("## x · theory · trivial\nQ: q\nA: a\n"));
        assertEquals("cards.md:2: card 'x' must continue with 'Q: <question>', got 'What?'",
                error("## x · theory · easy\nWhat?\nA: a\n"));
        assertEquals("cards.md:4: card 'x' has a question (line 2) but no 'A: <answer>' before the next card",
                error("## x · theory · easy\nQ: q\n\n## y · theory · easy\nQ: q\nA: a\n"));
        assertEquals("cards.md:3: card 'x' has an empty answer", error("## x · theory · easy\nQ: q\nA:\n\n"));
        assertEquals("cards.md:4: card 'x' is defined twice", error("## x · t · easy\nQ: q\nA: a\n## x · t · hard\nQ: q\nA: a"));
        assertEquals("cards.md:1: the id 'a b' must be letters, digits, '-', '_' or '.'", error("## a b · t · easy\nQ: q\nA: a"));
    }

    @Test void theShippedCardFileParsesWhenPresent() {
        FlashCards.all().forEach(c -> assertTrue(!c.question().isBlank() && !c.answer().isBlank(), c.id()));
    }
}
