package mlscratch.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocsTest {

    static final String SOURCE = """
            package p;

            /// A model. It fits things;
            /// see [Vector] and [#fit(Matrix, Vector)].
            ///
            /// ```
            /// notation: w ∈ ℝᵈ
            /// ```
            /// ```
            /// var m = Model.fit(X, y);
            /// ```
            /// The derivation is in tutorials/01-normal-equation.jsh.
            @SuppressWarnings("x")
            public final class Model {
                /// Options, validated.
                public record Options(double l2) {}

                /// Fits on `X`.
                ///
                /// More text.
                public static Model fit(Matrix X, Vector y) {
                    return fit(X, y, null);    // not a declaration
                }

                /// With options.
                @Deprecated
                public static Model fit(Matrix X, Vector y, Options o) { return null; }
            }
            """;

    @Test void typeDocIsTheBlockAboveTheDeclarationPastItsAnnotations() {
        var doc = Docs.typeDoc(SOURCE, "Model");
        assertEquals("A model. It fits things;", doc.getFirst());
        assertEquals("The derivation is in tutorials/01-normal-equation.jsh.", doc.getLast());
        assertEquals(List.of("Options, validated."), Docs.typeDoc(SOURCE, "Options"));
        assertEquals(List.of(), Docs.typeDoc(SOURCE, "Missing"));
    }

    @Test void summaryIsTheFirstParagraphWithLinksFlattened() {
        assertEquals(List.of("A model. It fits things;", "see Vector and fit(Matrix, Vector)."),
                Docs.summary(Docs.typeDoc(SOURCE, "Model")));
    }

    @Test void exampleIsTheFirstFenceMentioningTheName() {
        assertEquals(List.of("var m = Model.fit(X, y);"), Docs.example(Docs.typeDoc(SOURCE, "Model"), "Model"));
        assertEquals(List.of(), Docs.example(Docs.typeDoc(SOURCE, "Model"), "Nothing"));
    }

    @Test void tutorialIsTheFirstNamedJshFile() {
        assertEquals("tutorials/01-normal-equation.jsh", Docs.tutorial(Docs.typeDoc(SOURCE, "Model")));
        assertNull(Docs.tutorial(List.of("no tutorial here")));
    }

    @Test void memberDocsFindEveryOverloadButNotCalls() {
        var entries = Docs.memberDocs(SOURCE, "fit");
        assertEquals(2, entries.size());
        assertEquals("public static Model fit(Matrix X, Vector y)", entries.get(0).declaration());
        assertEquals(List.of("Fits on `X`.", "", "More text."), entries.get(0).doc());
        assertEquals(List.of("With options."), entries.get(1).doc());
        assertEquals("public record Options(double l2)", Docs.memberDocs(SOURCE, "Options").getFirst().declaration(),
                "a nested type by name");
    }

    @Test void inlineLinksReadAsPlainWords() {
        assertEquals("see Vector", Docs.inline("see [Vector]"));
        assertEquals("isClose(Matrix, double)", Docs.inline("[#isClose(Matrix, double)]"));
        assertEquals("Matrix.times(Vector)", Docs.inline("[Matrix#times(Vector)]"));
        assertEquals("the docs", Docs.inline("[the docs][Matrix]"));
        assertEquals("a[0] and x[i]", Docs.inline("a[0] and x[i]"), "indexing is left alone");
    }

    @Test void renderIndentsCodeAndDropsFences() {
        assertEquals(List.of("Text", "    code();", "End"), Docs.render(List.of("Text", "```", "code();", "```", "End")));
    }
}
