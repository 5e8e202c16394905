// Written by the build (from lib/src/main/shell/aot-training.jsh). scripts/mlshell runs it once after each
// build with -XX:AOTCacheOutput: the JVM records the classes and method profiles that JShell, its compiler
// and the library use, and later starts from them (JDK 25 ahead-of-time cache): faster start, faster first snippets.
var X = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
var y = Vector.of(1, 2, 3);
X.transpose().times(X)
X.times(Vector.of(1, -1))
X.mean(0)
X.minusRowVector(X.mean(0))
var A = Matrix.randn(50, 50, 1);
A.times(A).norm()
double sq(double v) { return v * v; }
record Point(double x, double y) {}
var pts = java.util.stream.IntStream.range(0, 10).mapToObj(i -> new Point(i, sq(i))).toList();
for (int i = 0; i < 3; i++) { y = y.scale(2); }
String s = "text " + y;
int bad = "not an int";
undefinedName + 1
help(Matrix.class);
help("Vector.dot");
tutorials();
check("a check", true);
checkClose("a close check", 1.0, 1.0, 1e-9);
/exit
