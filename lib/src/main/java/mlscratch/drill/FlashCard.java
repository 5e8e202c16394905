package mlscratch.drill;

/// One flash card: a question to answer in your head, then its worked answer (Markdown) to grade yourself
/// against. Parsed from `cards.md` by [FlashCards].
public record FlashCard(String id, String topic, Difficulty difficulty, String question, String answer) {
    public FlashCard {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("FlashCard: 'id' must not be blank");
    }

    @Override public String toString() { return "FlashCard " + id + " · " + topic + " · " + difficulty.label(); }
}
