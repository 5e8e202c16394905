package mlscratch.drill;

import java.util.function.BiFunction;
import java.util.function.Function;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// The function shapes a drill answer can take, by number of arguments.
///
/// ```
/// 1 argument   Function<A, R>        (java.util.function)
/// 2 arguments  BiFunction<A, B, R>   (java.util.function)
/// 3 arguments  Fn.F3<A, B, C, R>
/// 4 arguments  Fn.F4<A, B, C, D, R>
/// ```
/// [Drills#check] has one overload per shape, so `check("softmax", (Vector z) -> softmax(z))` picks its
/// overload by the number of parameters. For an implicit lambda (`z -> softmax(z)`) Java must also know the
/// parameter types: the sub-interfaces [OfVector], [OfVectors] and [OfXyw] fix them for the most common shapes
/// (Vector; Vector, Vector; Matrix, Vector, Vector). Other shapes need the types written:
/// `check("knn", (Matrix A, Vector b, Matrix C, Integer k) -> knn(A, b, C, k))`.
public final class Fn {
    private Fn() {}

    /// A function of three arguments.
    @FunctionalInterface
    public interface F3<A, B, C, R> { R apply(A a, B b, C c); }

    /// A function of four arguments.
    @FunctionalInterface
    public interface F4<A, B, C, D, R> { R apply(A a, B b, C c, D d); }

    /// `Vector → anything`: what an implicit one-parameter lambda becomes (`z -> softmax(z)`).
    @FunctionalInterface
    public interface OfVector extends Function<Vector, Object> {}

    /// `(Vector, Vector) → anything`: what an implicit two-parameter lambda becomes (`(z, g) -> grad(z, g)`).
    @FunctionalInterface
    public interface OfVectors extends BiFunction<Vector, Vector, Object> {}

    /// `(Matrix X, Vector y, Vector w) → anything`: an implicit three-parameter lambda (`(X, y, w) -> grad(X, y, w)`).
    @FunctionalInterface
    public interface OfXyw extends F3<Matrix, Vector, Vector, Object> {}

    /// Any answer, seen by the checker: the arguments in, the result out (what every shape above is adapted to).
    @FunctionalInterface
    public interface Impl { Object call(Object[] args) throws Throwable; }

    @SuppressWarnings("unchecked")
    static Impl of(Function<?, ?> f) { var g = (Function<Object, Object>) f; return a -> g.apply(a[0]); }

    @SuppressWarnings("unchecked")
    static Impl of(BiFunction<?, ?, ?> f) { var g = (BiFunction<Object, Object, Object>) f; return a -> g.apply(a[0], a[1]); }

    @SuppressWarnings("unchecked")
    static Impl of(F3<?, ?, ?, ?> f) { var g = (F3<Object, Object, Object, Object>) f; return a -> g.apply(a[0], a[1], a[2]); }

    @SuppressWarnings("unchecked")
    static Impl of(F4<?, ?, ?, ?, ?> f) {
        var g = (F4<Object, Object, Object, Object, Object>) f;
        return a -> g.apply(a[0], a[1], a[2], a[3]);
    }
}
