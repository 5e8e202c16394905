package mlscratch.drill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import mlscratch.drill.Difficulty;
import mlscratch.drill.FlashCard;
import mlscratch.drill.FlashCards;

/// The shipped flash cards (`mlscratch/drill/cards.md`): enough of them, every difficulty, every topic of the
/// syllabus, and answers that are worked (3–10 lines of content) rather than one-word.
class CardsFileTest {

    static final List<FlashCard> CARDS = FlashCards.all();

    @Test void atLeastSixtyCardsWithUniqueIdsAndEveryDifficulty() {
        assertTrue(CARDS.size() >= 60, "cards: " + CARDS.size());
        assertEquals(CARDS.size(), CARDS.stream().map(FlashCard::id).distinct().count(), "unique ids");
        var seen = CARDS.stream().map(FlashCard::difficulty).collect(Collectors.toCollection(() -> EnumSet.noneOf(Difficulty.class)));
        assertEquals(EnumSet.allOf(Difficulty.class), seen);
    }

    @Test void everySyllabusTopicHasACard() {
        // one id fragment per topic of the syllabus (issue 6)
        List<String> syllabus = List.of("bias-variance", "overfitting", "l1-vs-l2", "l1-sparsity", "gd-sgd-minibatch", "learning-rate",
                "momentum", "adam", "precision-recall", "roc-vs-pr-auc", "class-imbalance", "cross-validation", "data-leakage",
                "bagging-vs-boosting", "random-forest", "gradient-boosting", "decision-tree-impurity", "kmeans-vs-gmm", "kmeans-plus-plus",
                "dbscan", "pca-objective", "pca-svd", "curse-of-dimensionality", "knn", "naive-bayes", "logistic-regression-logloss",
                "logistic-why-not-mse", "softmax", "svm-margin-hinge", "kernels", "vanishing-exploding-gradients", "weight-initialisation",
                "batch-norm", "dropout", "relu-vs-sigmoid", "backprop", "cnn-conv-pooling", "receptive-field", "rnn-lstm-gating",
                "attention", "embeddings", "matrix-factorisation-recsys", "regression-metrics", "calibration", "feature-scaling",
                "one-hot-encoding", "mle-vs-map", "bayes-theorem");
        var ids = CARDS.stream().map(FlashCard::id).toList();
        var missing = syllabus.stream().filter(t -> ids.stream().noneMatch(id -> id.startsWith(t))).toList();
        assertTrue(missing.isEmpty(), "no card for " + missing);
    }

    @Test void answersAreWorkedInThreeToTenLines() {
        for (FlashCard c : CARDS) {
            long lines = Arrays.stream(c.answer().split("\n")).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("```")).count();
            assertTrue(lines >= 3 && lines <= 10, c.id() + ": " + lines + " lines of answer");
            assertTrue(c.question().endsWith("?") || c.question().endsWith("."), c.id() + ": the question reads as a question");
        }
    }
}
